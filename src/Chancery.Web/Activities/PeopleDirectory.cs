using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.People;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>Finds or creates the people an import names (by side and folded name) and gives each the
/// office periods the rows show: per person and office, a period from the first to the last date the
/// file shows them in it, widening a stored period of the same office. A leader who changes office
/// mid-year thus holds the old office up to their last record in it and the new one from their first.</summary>
internal sealed class PeopleDirectory
{
    private readonly Dictionary<(OfficeSide, string), Person> _people = [];
    private readonly Dictionary<(Person, int?, string?), (DateOnly From, DateOnly To)> _seen = [];
    // A name is folded once, not once per row that names it (a leader appears on hundreds of rows).
    private readonly TextFoldingCache _names = new();

    public static async Task<PeopleDirectory> LoadAsync(ChanceryDbContext db, IEnumerable<ActivityRow> rows, CancellationToken ct)
    {
        var directory = new PeopleDirectory();
        var keys = rows.SelectMany(r => new[] { r.LeaderName, r.CounterpartName }).OfType<string>()
            .Distinct(StringComparer.Ordinal).Select(directory._names.Fold).Distinct().ToList();
        foreach (var person in await db.People.Include(p => p.Offices).Where(p => EF.Parameter(keys).Contains(p.NameKey)).ToListAsync(ct))
            directory._people.TryAdd((person.Side, person.NameKey), person);
        return directory;
    }

    public Person Observe(OfficeSide side, string name, int? officeId, string? roleText, DateOnly day, string? country)
    {
        var key = (side, _names.Fold(name));
        if (!_people.TryGetValue(key, out var person))
        {
            person = new Person { FullName = name.Trim(), NameKey = key.Item2, Side = side, CountryIso3 = country };
            _people[key] = person;
        }
        else if (person.CountryIso3 is null && country is not null) person.CountryIso3 = country;
        if (officeId is null && string.IsNullOrWhiteSpace(roleText)) return person;
        // A free-text title (no office) is kept as written, and carries no rank.
        var officeKey = (person, officeId, officeId is null ? roleText!.Trim() : null);
        _seen[officeKey] = _seen.TryGetValue(officeKey, out var span)
            ? (day < span.From ? day : span.From, day > span.To ? day : span.To)
            : (day, day);
        return person;
    }

    /// <summary>Stores what was observed. New people and their office periods are written in bulk with
    /// their audit entries (an import can name thousands of people); new or widened periods of people
    /// already stored go through the DbContext and its interceptors. Afterwards every person has an id.</summary>
    public async Task StoreAsync(ChanceryDbContext db, BulkAudit audit, CancellationToken ct)
    {
        foreach (var ((person, officeId, title), span) in _seen)
        {
            var held = person.Offices.FirstOrDefault(o => o.OfficeId == officeId && (officeId is not null || o.Title == title));
            if (held is null)
            {
                person.Offices.Add(new PersonOffice { OfficeId = officeId, Title = title, From = span.From, To = span.To });
                continue;
            }
            if (span.From < held.From) held.From = span.From;
            if (held.To is { } to && span.To > to) held.To = span.To;
        }

        var created = _people.Values.Where(p => p.Id == 0).ToList();
        var personIds = await BulkInsert.ReserveIdsAsync<Person>(db, created.Count, ct);
        for (var i = 0; i < created.Count; i++)
        {
            created[i].Id = (int)personIds[i];
            created[i].SearchText = created[i].BuildSearchText();
            foreach (var office in created[i].Offices) office.PersonId = created[i].Id;
        }
        await BulkInsert.InsertAsync(db, created, ct);
        // Nothing points at an office period: the database numbers them.
        await BulkInsert.InsertAsync(db, created.SelectMany(p => p.Offices), ct, keysFromDatabase: true);
        await audit.RecordCreatedAsync(db, created.Count, created, (p, json) => json.Created("Offices",
            string.Join("; ", p.Offices.Select(o => $"{o.OfficeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? o.Title} {o.From:yyyy-MM-dd}–{o.To:yyyy-MM-dd}"))), ct);

        // People already stored are tracked (loaded above): the save finds their new and widened periods.
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }
}
