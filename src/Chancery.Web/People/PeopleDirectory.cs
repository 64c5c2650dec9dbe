using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

/// <summary>Finds or creates the people an import names (by side and folded name) and gives each the
/// office periods the rows show: per person and office, a period from the first to the last date the
/// file shows them in it outside what is recorded, widening the nearest stored period of the same
/// office (a day a stored period already covers changes nothing). A leader who changes office mid-year
/// thus holds the old office up to their last record in it and the new one from their first. Whether a
/// row may change a stored person's offices at all is the caller's to decide (<see cref="Stored"/>).
/// Works batch by batch: a new person is written with the batch that first names them (activities
/// point at people), their office periods and audit entries at the end, once the whole file is seen.
/// Levels (<see cref="DerivedClassification"/>): a person is known at the lowest level of the rows naming
/// them (a stored one is lowered to it); a period is drawn only from rows of one level and carries it, and
/// widens only a stored period of that level, so a secret trip's dates never stretch a period a less
/// cleared reader sees. Only people and periods the importer may see are matched: a person recorded above
/// the importer's clearance is, for this import, someone not recorded (no reference goes through a hidden record).</summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<(OfficeSide, string), Person> _people = [];
    private readonly Dictionary<(Person, int?, string?, ClassificationLevel), (DateOnly From, DateOnly To)> _seen = [];
    private readonly HashSet<string> _looked = new(StringComparer.Ordinal);
    private readonly List<Person> _created = [];
    // People written in an earlier batch whose country a later row told: their row is corrected at the end.
    private readonly HashSet<Person> _countryLater = [];
    // People written in an earlier batch whose level a later, less classified row lowered.
    private readonly HashSet<Person> _levelLater = [];
    // A name is folded once, not once per row that names it (a leader appears on hundreds of rows).
    private readonly TextFoldingCache _names = new();

    /// <summary>Loads the stored people a batch names that were not looked up before.</summary>
    public async Task LoadNamedAsync(ChanceryDbContext db, IEnumerable<string?> names, CancellationToken ct)
    {
        var keys = names.OfType<string>()
            .Distinct(StringComparer.Ordinal).Select(_names.Fold).Where(_looked.Add).ToList();
        if (keys.Count == 0) return;
        foreach (var person in await db.People.Include(p => p.Offices).Where(p => EF.Parameter(keys).Contains(p.NameKey)).ToListAsync(ct))
            _people.TryAdd((person.Side, person.NameKey), person);
    }

    /// <summary>The person of that side and name as stored before this import (loaded by
    /// <see cref="LoadNamedAsync"/>, with their offices as recorded); null for one the import creates.</summary>
    public Person? Stored(OfficeSide side, string name) =>
        _people.TryGetValue((side, _names.Fold(name)), out var person) && person.Id != 0 && !_created.Contains(person) ? person : null;

    /// <summary>The person's recorded period of an office (or free-text title) nearest to the days given:
    /// the one an import widens to reach them.</summary>
    public static PersonOffice? Nearest(Person person, int? officeId, string? title, DateOnly from, DateOnly to, ClassificationLevel? level = null) =>
        person.Offices.Where(o => o.OfficeId == officeId && (officeId is not null || o.Title == title) && (level is null || o.Classification == level))
            .OrderBy(o => to < o.From ? o.From.DayNumber - to.DayNumber : o.To is { } end && end < from ? from.DayNumber - end.DayNumber : 0)
            .ThenBy(o => o.From).FirstOrDefault();

    /// <param name="level">The level of the row naming them (its activity's).</param>
    public Person Observe(OfficeSide side, string name, int? officeId, string? roleText, DateOnly day, string? country, ClassificationLevel level)
    {
        var key = (side, _names.Fold(name));
        if (!_people.TryGetValue(key, out var person))
        {
            person = new Person { FullName = name.Trim(), NameKey = key.Item2, Side = side, CountryIso3 = country, Classification = level };
            _people[key] = person;
        }
        else if (DerivedClassification.Disclose(person, level) && _created.Contains(person)) _levelLater.Add(person);
        else if (person.CountryIso3 is null && country is not null)
        {
            person.CountryIso3 = country;
            if (_created.Contains(person)) _countryLater.Add(person);
        }
        if (officeId is null && string.IsNullOrWhiteSpace(roleText)) return person;
        // A free-text title (no office) is kept as written, and carries no rank.
        var officeKey = (person, officeId, officeId is null ? roleText!.Trim() : null, level);
        // A day a recorded period of the same office covers changes nothing (and must not stretch another
        // period to it), when that period is visible wherever this row is (its level at most the row's).
        if (person.Offices.Any(o => o.OfficeId == officeId && (officeId is not null || o.Title == officeKey.Item3)
            && o.Classification <= level && o.Covers(day))) return person;
        _seen[officeKey] = _seen.TryGetValue(officeKey, out var span)
            ? (day < span.From ? day : span.From, day > span.To ? day : span.To)
            : (day, day);
        return person;
    }

    /// <summary>Writes the people first named since the last call, so that the batch's activities can
    /// point at them. Afterwards every person observed has an id.</summary>
    public async Task StoreNewAsync(ChanceryDbContext db, CancellationToken ct)
    {
        var fresh = _people.Values.Where(p => p.Id == 0).ToList();
        if (fresh.Count == 0) return;
        var ids = await BulkInsert.ReserveIdsAsync<Person>(db, fresh.Count, ct);
        for (var i = 0; i < fresh.Count; i++)
        {
            fresh[i].Id = (int)ids[i];
            SearchTexts.Refresh(fresh[i]);
        }
        await BulkInsert.InsertAsync(db, fresh, ct);
        _created.AddRange(fresh);
    }

    /// <summary>After the last batch: the office periods (new ones in bulk, widened stored ones through
    /// the DbContext and its interceptors), the countries learnt late, and one audit entry per new
    /// person showing what they were finally stored with.</summary>
    public async Task FinishAsync(ChanceryDbContext db, BulkAudit audit, CancellationToken ct)
    {
        foreach (var ((person, officeId, title, level), span) in _seen)
        {
            var held = Nearest(person, officeId, title, span.From, span.To, level);
            if (held is null)
            {
                person.Offices.Add(new PersonOffice { PersonId = person.Id, OfficeId = officeId, Title = title, From = span.From, To = span.To, Classification = level });
                continue;
            }
            if (span.From < held.From) held.From = span.From;
            if (held.To is { } to && span.To > to) held.To = span.To;
        }

        foreach (var person in _countryLater)
        {
            SearchTexts.Refresh(person);
            var search = person.SearchText;
            await db.People.Where(p => p.Id == person.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CountryIso3, person.CountryIso3).SetProperty(p => p.SearchText, search), ct);
        }
        foreach (var person in _levelLater)
        {
            var level = person.Classification;
            await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Classification, level), ct);
        }
        // Each new period gets its own entry, filed at its own level: a person's entry (at the person's
        // level) must not list the dates of a more classified trip.
        var periods = _created.SelectMany(p => p.Offices).ToList();
        var periodIds = await BulkInsert.ReserveIdsAsync<PersonOffice>(db, periods.Count, ct);
        for (var i = 0; i < periods.Count; i++) periods[i].Id = (int)periodIds[i];
        await BulkInsert.InsertAsync(db, periods, ct);
        await audit.RecordCreatedAsync(db, _created.Count, _created, null, ct);
        await audit.RecordCreatedAsync(db, periods.Count, periods, null, ct);

        // People already stored are tracked (loaded above): the save finds their new and widened periods.
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }
}
