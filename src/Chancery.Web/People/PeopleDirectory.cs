using Chancery.Web.Common.Audit;
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
/// point at people), their office periods and audit entries at the end, once the whole file is seen.</summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<(OfficeSide, string), Person> _people = [];
    private readonly Dictionary<(Person, int?, string?), (DateOnly From, DateOnly To)> _seen = [];
    private readonly HashSet<string> _looked = new(StringComparer.Ordinal);
    private readonly List<Person> _created = [];
    // People written in an earlier batch whose country a later row told: their row is corrected at the end.
    private readonly HashSet<Person> _countryLater = [];
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
    public static PersonOffice? Nearest(Person person, int? officeId, string? title, DateOnly from, DateOnly to) =>
        person.Offices.Where(o => o.OfficeId == officeId && (officeId is not null || o.Title == title))
            .OrderBy(o => to < o.From ? o.From.DayNumber - to.DayNumber : o.To is { } end && end < from ? from.DayNumber - end.DayNumber : 0)
            .ThenBy(o => o.From).FirstOrDefault();

    public Person Observe(OfficeSide side, string name, int? officeId, string? roleText, DateOnly day, string? country)
    {
        var key = (side, _names.Fold(name));
        if (!_people.TryGetValue(key, out var person))
        {
            person = new Person { FullName = name.Trim(), NameKey = key.Item2, Side = side, CountryIso3 = country };
            _people[key] = person;
        }
        else if (person.CountryIso3 is null && country is not null)
        {
            person.CountryIso3 = country;
            if (_created.Contains(person)) _countryLater.Add(person);
        }
        if (officeId is null && string.IsNullOrWhiteSpace(roleText)) return person;
        // A free-text title (no office) is kept as written, and carries no rank.
        var officeKey = (person, officeId, officeId is null ? roleText!.Trim() : null);
        // A day a recorded period of the same office covers changes nothing (and must not stretch another period to it).
        if (person.Offices.Any(o => o.OfficeId == officeId && (officeId is not null || o.Title == officeKey.Item3) && o.Covers(day))) return person;
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
        foreach (var ((person, officeId, title), span) in _seen)
        {
            var held = Nearest(person, officeId, title, span.From, span.To);
            if (held is null)
            {
                person.Offices.Add(new PersonOffice { PersonId = person.Id, OfficeId = officeId, Title = title, From = span.From, To = span.To });
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
        // Nothing points at an office period: the database numbers them.
        await BulkInsert.InsertAsync(db, _created.SelectMany(p => p.Offices), ct, keysFromDatabase: true);
        await audit.RecordCreatedAsync(db, _created.Count, _created, (p, json) => json.Created("Offices",
            string.Join("; ", p.Offices.Select(o => $"{o.OfficeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? o.Title} {IsoDate.Format(o.From)}–{IsoDate.Format(o.To)}"))), ct);

        // People already stored are tracked (loaded above): the save finds their new and widened periods.
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }
}
