using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

/// <summary>The People module's problem codes; their words are in PeopleText.resx and PeopleText.vi.resx.</summary>
public static class PeopleErrors
{
    public const string OfficeOrTitle = "OfficeOrTitle";
    public const string UnknownOfficeOnSide = "UnknownOfficeOnSide";
    public const string FromRequired = "FromRequired";
}

/// <summary>The People module's writes, for the API and the person page alike.</summary>
public sealed class PersonWriter(ChanceryDbContext db, PeopleQueries queries)
{
    /// <summary>Checks an office period (a reference office on the person's side, or a free-text title)
    /// and adds it to the person.</summary>
    public async Task<WriteOutcome<PersonDetail>> AddOfficeAsync(int personId, PersonOfficeInput input, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Offices).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return WriteOutcome<PersonDetail>.NotFound();
        var problems = new Problems();
        var title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        if (input.From == default) problems.Add("from", PeopleErrors.FromRequired);
        if (input.OfficeId is null && title is null) problems.Add("officeId", PeopleErrors.OfficeOrTitle);
        if (input.OfficeId is { } officeId && !await db.Offices.AnyAsync(o => o.Id == officeId && o.Side == person.Side, ct))
            problems.Add("officeId", PeopleErrors.UnknownOfficeOnSide);
        if (input.To is { } to && to < input.From) problems.Add("to", ErrorCodes.EndBeforeStart);
        var office = new PersonOffice { OfficeId = input.OfficeId, Title = input.OfficeId is null ? title : null, From = input.From, To = input.To };
        person.Offices.Add(office);
        return await CheckedSave.SaveAsync(db, office, problems, c => queries.DetailAsync(personId, c), WriteStatus.Saved, ct);
    }
}
