using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

public sealed record PersonListItem(int Id, string FullName, string Side, string? CountryIso3, string? CurrentOfficeEn, string? CurrentOfficeVi, int? CurrentTier);

public sealed record PersonOfficeDto(int Id, int? OfficeId, string? OfficeCode, string? OfficeNameEn, string? OfficeNameVi, int? Tier,
    string? Title, DateOnly From, DateOnly? To);

public sealed record PersonDetail(int Id, string FullName, string? NameEn, string Side, string? CountryIso3, string? Notes, int Version,
    IReadOnlyList<PersonOfficeDto> Offices, string Classification = "public") : Common.Concurrency.IVersionedRecord
{
    /// <summary>The name in the reader's language (the English one where it differs).</summary>
    public string Name => LocalizationSetup.IsVietnamese || NameEn is null ? FullName : NameEn;
    /// <summary>The name in the other language, when it differs.</summary>
    public string? OtherName => NameEn is null ? null : LocalizationSetup.IsVietnamese ? NameEn : FullName;
}

/// <summary>What the people list and its API are filtered and sorted by (sort: name, side or country, a leading - for descending).</summary>
public sealed record PeopleFilter(string? Q, string? Side, int? Page, int? PageSize, string? Sort = null)
{
    /// <summary>Whether anything narrows the list (an empty list then means "nothing matches", not "nothing yet").</summary>
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Side);
}

/// <summary>An office period to add: a ranked office from the reference list, or a free-text title.</summary>
public sealed record PersonOfficeInput(int? OfficeId, string? Title, DateOnly From, DateOnly? To);

/// <summary>A person as an editor gives them. <see cref="Offices"/>, when given, is the whole list of
/// periods: one with an <see cref="PersonOfficePeriod.Id"/> changes that stored period, one without is
/// added, a stored one left out is removed (null leaves the periods as they are). An update names the
/// <see cref="Version"/> it started from.
/// <see cref="Classification"/> left out keeps the stored level (a new person is public).</summary>
public sealed record PersonInput(string? FullName, string? NameEn, string? Side, string? CountryIso3, string? Notes,
    IReadOnlyList<PersonOfficePeriod>? Offices, int? Version, string? Classification = null) : Common.Concurrency.IVersionedRequest
{
    public Common.Concurrency.IVersionedRequest WithVersion(int version) => this with { Version = version };
}

/// <summary>One office period of <see cref="PersonInput.Offices"/> (Id null for a new one).</summary>
public sealed record PersonOfficePeriod(int? Id, int? OfficeId, string? Title, DateOnly From, DateOnly? To);

/// <summary>The People module's reads, for its endpoints, its pages and the modules that choose people.</summary>
public sealed class PeopleQueries(ChanceryDbContext db)
{
    /// <summary>The orders the list offers (our side first, then by name, unless asked otherwise); ties broken by id.</summary>
    public static readonly SortColumns<Person> Sorts = new SortColumns<Person>(new ListSort("side", Descending: false), p => p.Id)
        .Add("name", p => p.FullName)
        .Add("side", p => p.Side, p => p.FullName)
        .Add("country", p => p.CountryIso3, p => p.FullName);

    public async Task<ListResult<PersonListItem>> ListAsync(PeopleFilter f, DateOnly today, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().MatchingSearch(f.Q);
        if (Enum.TryParse<OfficeSide>(f.Side, true, out var side)) query = query.Where(p => p.Side == side);
        var paging = Paging.From(f.Page, f.PageSize);
        var total = await query.CountAsync(ct);
        var people = await Sorts.Apply(query, Sorts.Parse(f.Sort)).Skip(paging.Skip).Take(paging.PageSize)
            .Include(p => p.Offices).ThenInclude(o => o.Office).AsSplitQuery().ToListAsync(ct);
        return new ListResult<PersonListItem>(people.Select(p =>
        {
            var held = CurrentOffice(p, today);
            return new PersonListItem(p.Id, p.FullName, p.Side.ToString().ToLowerInvariant(), p.CountryIso3,
                held?.Office?.NameEn ?? held?.Title, held?.Office?.NameVi ?? held?.Title, held?.Office?.Tier);
        }).ToList(), total);
    }

    public async Task<PersonDetail?> DetailAsync(int id, CancellationToken ct)
    {
        var p = await db.People.AsNoTracking().Include(x => x.Offices).ThenInclude(o => o.Office).SingleOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? null : new PersonDetail(p.Id, p.FullName, p.NameEn, p.Side.ToString().ToLowerInvariant(), p.CountryIso3, p.Notes, p.Version,
            p.Offices.OrderBy(o => o.From).ThenBy(o => o.Id).Select(o => new PersonOfficeDto(o.Id, o.OfficeId, o.Office?.Code, o.Office?.NameEn, o.Office?.NameVi,
                o.Office?.Tier, o.Title, o.From, o.To)).ToList(), p.Classification.ToCode());
    }

    /// <summary>The people of one side, by name (the edit form's choices of leader and counterpart).</summary>
    public Task<List<Person>> OnSideAsync(OfficeSide side, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Side == side).OrderBy(p => p.FullName).ToListAsync(ct);

    /// <summary>The reference offices of one side, best-ranked first.</summary>
    public Task<List<Office>> OfficesAsync(OfficeSide side, CancellationToken ct) =>
        db.Offices.AsNoTracking().Where(o => o.Side == side).OrderBy(o => o.Tier).ThenBy(o => o.NameEn).ToListAsync(ct);

    /// <summary>See <see cref="LeaderChoices"/>.</summary>
    public Task<List<(int Id, string Name)>> LeaderChoicesAsync(int? selected, CancellationToken ct) => LeaderChoices.LoadAsync(db, selected, ct);

    /// <summary>See <see cref="OfficeCoverage"/>: the warning of a form whose leader's office does not cover its dates.</summary>
    public Task<OfficeGap?> OfficeGapAsync(int? personId, string? roleText, DateOnly? start, DateOnly? end, CancellationToken ct) =>
        OfficeCoverage.FindAsync(db, personId, roleText, start, end, ct);

    /// <summary>The office held on a day (<see cref="Person.OfficeOn"/>), else the latest held.</summary>
    public static PersonOffice? CurrentOffice(Person p, DateOnly day) =>
        p.OfficeOn(day) ?? p.Offices.OrderByDescending(o => o.To ?? DateOnly.MaxValue).FirstOrDefault();

    /// <summary>Country names (partners of kind country, whoever may see them) in the reader's language.</summary>
    public Task<CountryNames> CountryNamesAsync(CancellationToken ct) => PartnerCountryNames.LoadAsync(db, ct);
}
