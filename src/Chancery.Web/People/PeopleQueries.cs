using Chancery.Web.Common.Api;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

public sealed record PersonListItem(int Id, string FullName, string Side, string? CountryIso3, string? CurrentOfficeEn, string? CurrentOfficeVi, int? CurrentTier);

public sealed record PersonOfficeDto(int Id, int? OfficeId, string? OfficeCode, string? OfficeNameEn, string? OfficeNameVi, int? Tier,
    string? Title, DateOnly From, DateOnly? To);

public sealed record PersonDetail(int Id, string FullName, string Side, string? CountryIso3, int Version, IReadOnlyList<PersonOfficeDto> Offices);

public sealed record PeopleFilter(string? Q, string? Side, int? Page, int? PageSize);

/// <summary>An office period to add: a ranked office from the reference list, or a free-text title.</summary>
public sealed record PersonOfficeInput(int? OfficeId, string? Title, DateOnly From, DateOnly? To);

public static class PeopleQueries
{
    public static async Task<ListResult<PersonListItem>> ListAsync(ChanceryDbContext db, PeopleFilter f, DateOnly today, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().MatchingSearch(f.Q);
        if (Enum.TryParse<OfficeSide>(f.Side, true, out var side)) query = query.Where(p => p.Side == side);
        var paging = Paging.From(f.Page, f.PageSize);
        var total = await query.CountAsync(ct);
        var people = await query.OrderBy(p => p.Side).ThenBy(p => p.FullName).Skip(paging.Skip).Take(paging.PageSize)
            .Include(p => p.Offices).ThenInclude(o => o.Office).AsSplitQuery().ToListAsync(ct);
        return new ListResult<PersonListItem>(people.Select(p =>
        {
            var held = CurrentOffice(p, today);
            return new PersonListItem(p.Id, p.FullName, p.Side.ToString().ToLowerInvariant(), p.CountryIso3,
                held?.Office?.NameEn ?? held?.Title, held?.Office?.NameVi ?? held?.Title, held?.Office?.Tier);
        }).ToList(), total);
    }

    public static async Task<PersonDetail?> DetailAsync(ChanceryDbContext db, int id, CancellationToken ct)
    {
        var p = await db.People.AsNoTracking().Include(x => x.Offices).ThenInclude(o => o.Office).SingleOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? null : new PersonDetail(p.Id, p.FullName, p.Side.ToString().ToLowerInvariant(), p.CountryIso3, p.Version,
            p.Offices.OrderBy(o => o.From).Select(o => new PersonOfficeDto(o.Id, o.OfficeId, o.Office?.Code, o.Office?.NameEn, o.Office?.NameVi,
                o.Office?.Tier, o.Title, o.From, o.To)).ToList());
    }

    /// <summary>The office held on a day: the best-ranked one, else a free-text title held then, else the latest held.</summary>
    public static PersonOffice? CurrentOffice(Person p, DateOnly day) =>
        p.Offices.Where(o => o.Covers(day)).OrderBy(o => o.Office?.Tier ?? int.MaxValue).FirstOrDefault()
        ?? p.Offices.OrderByDescending(o => o.To ?? DateOnly.MaxValue).FirstOrDefault();

    /// <summary>Checks an office period (field names as the API's ValidationProblem) and adds it.</summary>
    public static async Task<Dictionary<string, string[]>> AddOfficeAsync(ChanceryDbContext db, Person person, PersonOfficeInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        if (input.OfficeId is null && title is null) errors["officeId"] = ["Choose an office or write a title."];
        if (input.OfficeId is { } officeId && !await db.Offices.AnyAsync(o => o.Id == officeId && o.Side == person.Side, ct))
            errors["officeId"] = ["No such office on this person's side."];
        if (input.To is { } to && to < input.From) errors["to"] = ["The end is before the start."];
        if (errors.Count > 0) return errors;
        person.Offices.Add(new PersonOffice { OfficeId = input.OfficeId, Title = input.OfficeId is null ? title : null, From = input.From, To = input.To });
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
