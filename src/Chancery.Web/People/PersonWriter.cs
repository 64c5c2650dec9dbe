using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

/// <summary>The People module's problem codes; their words are in PeopleText.resx and PeopleText.vi.resx.</summary>
public static class PeopleErrors
{
    public const string OfficeOrTitle = "OfficeOrTitle";
    public const string UnknownOfficeOnSide = "UnknownOfficeOnSide";
    public const string FromRequired = "FromRequired";
    /// <summary>{0}: the code given, which names no country of the reference list.</summary>
    public const string PersonCountryUnknown = "PersonCountryUnknown";
    /// <summary>Another person of the same side has the same name (an import could not tell them apart).</summary>
    public const string PersonNameTaken = "PersonNameTaken";
}

/// <summary>The People module's writes, for the API and the people pages alike: the input's rules, then
/// the model's limits and the version check (<see cref="CheckedSave"/>). A person and each period carry a
/// level (<see cref="DerivedClassification"/>): the input's, else the stored one (a new person is public);
/// a period added here is at the person's level.</summary>
public sealed class PersonWriter(ChanceryDbContext db, PeopleQueries queries, TimeProvider clock, IEnumerable<IDeleteGuard<Person>> guards)
{
    public async Task<WriteOutcome<PersonDetail>> CreateAsync(PersonInput input, CancellationToken ct)
    {
        var problems = new Problems();
        var side = await CheckPersonAsync(input, null, null, problems, ct);
        var level = WriteGuard.Classification(input.Classification, db.Clearance, null, ClassificationLevel.Public, problems);
        var person = new Person { FullName = "", Classification = level ?? ClassificationLevel.Public };
        Apply(input, person, side ?? OfficeSide.Foreign);
        await ApplyOfficesAsync(person, input.Offices ?? [], problems, ct);
        db.People.Add(person);
        // The read runs after the save, when the new person has its id.
        return await CheckedSave.SaveAsync(db, Limited(person), problems, c => queries.DetailAsync(person.Id, c), WriteStatus.Created, ct);
    }

    /// <summary>Changes the person and, when <see cref="PersonInput.Offices"/> is given, their periods.</summary>
    public async Task<WriteOutcome<PersonDetail>> UpdateAsync(int id, PersonInput input, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Offices).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return WriteOutcome<PersonDetail>.NotFound();
        var problems = new Problems();
        if (input.Version is null) problems.Add("version", ErrorCodes.VersionRequired);
        var side = await CheckPersonAsync(input, id, person.CountryIso3, problems, ct);
        if (WriteGuard.Classification(input.Classification, db.Clearance, person.Classification, ClassificationLevel.Public, problems) is { } level)
            person.Classification = level;
        Apply(input, person, side ?? person.Side);
        if (input.Offices is { } offices) await ApplyOfficesAsync(person, offices, problems, ct);
        else foreach (var held in person.Offices) await CheckOfficeSideAsync(held.OfficeId, person.Side, "side", problems, ct);
        // A change to the periods alone is a change to the person: the version moves and is checked.
        db.Entry(person).State = EntityState.Modified;
        db.ExpectVersion(person, input.Version ?? person.Version);
        return await CheckedSave.SaveAsync(db, Limited(person), problems, c => queries.DetailAsync(id, c), WriteStatus.Saved, ct);
    }

    /// <summary>Why the person cannot go to the bin now (other modules' records that name them,
    /// <see cref="IDeleteGuard{T}"/>); none when they can. The delete page asks before offering the button.</summary>
    public async Task<Problems> DeleteProblemsAsync(int id, CancellationToken ct)
    {
        var problems = new Problems();
        foreach (var guard in guards) await guard.CheckAsync(id, problems, ct);
        return problems;
    }

    /// <summary>Puts the person in the bin (<see cref="RecordBin"/>) unless records still name them; with a
    /// version, only if nobody changed them since. Their office periods stay with them.</summary>
    public async Task<WriteOutcome<PersonDetail>> DeleteAsync(int id, int? version, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || await queries.DetailAsync(id, ct) is not { } shown) return WriteOutcome<PersonDetail>.NotFound();
        var problems = await DeleteProblemsAsync(id, ct);
        if (problems.Any) return WriteOutcome<PersonDetail>.Invalid(problems);
        return await RecordBin.DeleteAsync(db, person, version, shown, clock, c => queries.DetailAsync(id, c), ct);
    }

    /// <summary>Checks an office period (a reference office on the person's side, or a free-text title)
    /// and adds it to the person.</summary>
    public async Task<WriteOutcome<PersonDetail>> AddOfficeAsync(int personId, PersonOfficeInput input, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Offices).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return WriteOutcome<PersonDetail>.NotFound();
        var problems = new Problems();
        var office = new PersonOffice { Classification = person.Classification };
        await ApplyOfficeAsync(office, new PersonOfficePeriod(null, input.OfficeId, input.Title, input.From, input.To), person.Side, "", problems, ct);
        person.Offices.Add(office);
        return await CheckedSave.SaveAsync(db, office, problems, c => queries.DetailAsync(personId, c), WriteStatus.Saved, ct);
    }

    /// <summary>The person's own fields; the side parsed (null when it is not one). <paramref name="heldCountry"/>
    /// is the country the stored person already has: kept as it is, it tells the editor nothing new.</summary>
    private async Task<OfficeSide?> CheckPersonAsync(PersonInput input, int? editingId, string? heldCountry, Problems problems, CancellationToken ct)
    {
        var name = Blank(input.FullName);
        if (name is null) problems.Add("fullName", ErrorCodes.Required);
        OfficeSide? side = Enum.TryParse<OfficeSide>(input.Side, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (side is null) problems.Add("side", ErrorCodes.OneOf, "domestic, foreign");
        if (Blank(input.CountryIso3) is { } country)
        {
            var code = country.ToUpperInvariant();
            // A country classified above the editor is refused as an unknown code (no existence oracle).
            if (code != heldCountry && !await KnownCountries.Query(db).AnyAsync(p => p.Code == code, ct))
                problems.Add("countryIso3", PeopleErrors.PersonCountryUnknown, country);
        }
        if (name is not null && side is { } s)
        {
            var key = TextFolding.Fold(name);
            if (await db.People.AnyAsync(p => p.Side == s && p.NameKey == key && p.Id != editingId, ct))
                problems.Add("fullName", PeopleErrors.PersonNameTaken);
        }
        return side;
    }

    private static void Apply(PersonInput input, Person person, OfficeSide side)
    {
        person.FullName = Blank(input.FullName) ?? "";
        person.NameKey = TextFolding.Fold(person.FullName);
        var english = Blank(input.NameEn);
        person.NameEn = english == person.FullName ? null : english;
        person.Side = side;
        person.CountryIso3 = Blank(input.CountryIso3)?.ToUpperInvariant();
        person.Notes = Blank(input.Notes);
    }

    /// <summary>Makes the person's periods those of the input (by id; new ones added, missing ones removed).</summary>
    private async Task ApplyOfficesAsync(Person person, IReadOnlyList<PersonOfficePeriod> periods, Problems problems, CancellationToken ct)
    {
        var kept = new List<PersonOffice>();
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var office = period.Id is { } officeId ? person.Offices.FirstOrDefault(o => o.Id == officeId) : null;
            if (period.Id is not null && office is null)
            {
                problems.Add($"offices[{i}].id", ErrorCodes.NotFound);
                continue;
            }
            office ??= new PersonOffice { Classification = person.Classification };
            await ApplyOfficeAsync(office, period, person.Side, $"offices[{i}].", problems, ct);
            kept.Add(office);
        }
        // In the input's order, so offices[i] in a problem is the i-th period given; one left out is deleted.
        person.Offices.Clear();
        person.Offices.AddRange(kept);
    }

    private async Task ApplyOfficeAsync(PersonOffice office, PersonOfficePeriod period, OfficeSide side, string prefix, Problems problems, CancellationToken ct)
    {
        var title = Blank(period.Title);
        if (period.From == default) problems.Add(prefix + "from", PeopleErrors.FromRequired);
        if (period.OfficeId is null && title is null) problems.Add(prefix + "officeId", PeopleErrors.OfficeOrTitle);
        await CheckOfficeSideAsync(period.OfficeId, side, prefix + "officeId", problems, ct);
        if (period.To is { } to && to < period.From) problems.Add(prefix + "to", ErrorCodes.EndBeforeStart);
        office.OfficeId = period.OfficeId;
        office.Title = period.OfficeId is null ? title : null;
        office.From = period.From;
        office.To = period.To;
    }

    private async Task CheckOfficeSideAsync(int? officeId, OfficeSide side, string field, Problems problems, CancellationToken ct)
    {
        if (officeId is { } id && !await db.Offices.AnyAsync(o => o.Id == id && o.Side == side, ct))
            problems.Add(field, PeopleErrors.UnknownOfficeOnSide);
    }

    /// <summary>The person and each period, whose fields the input names offices[0].title …</summary>
    private static IEnumerable<Limited> Limited(Person person) =>
        [new(person), .. person.Offices.Select((o, i) => new Limited(o, $"offices[{i}]."))];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
