using Chancery.Web.Common.Time;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners.Editing;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>Filters for the partner list (page, API and the framework-event export share them).</summary>
public sealed record PartnerFilter
{
    public string? Q { get; init; }
    [CodeSet(typeof(RelationLevel))]
    public string? Level { get; init; }
    public DateOnly? AsOf { get; init; }
    public string? Region { get; init; }
    [CodeSet(typeof(PartnerKind))]
    public string? Kind { get; init; }
    public bool? Neighbour { get; init; }
    public bool? LandBorder { get; init; }
    public bool? MaritimeBoundary { get; init; }
    public bool? Asean { get; init; }
    public bool? MajorPower { get; init; }
    /// <summary>name, code, region, level or since; a leading - for descending (<see cref="PartnerQueries.Sorts"/>).</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    /// <summary>The coded filters as the API checks them: an unknown kind, or a level in the list that is not
    /// one, is a problem naming the parameter and the allowed codes (never the unfiltered list).</summary>
    public void CheckCodes(Common.Writing.Problems problems)
    {
        Codes<PartnerKind>.CheckFilter(Kind, "kind", problems);
        foreach (var level in (Level ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!RelationLevels.TryParse(level, out _))
            {
                problems.Add("level", Common.Writing.ErrorCodes.OneOf, string.Join(", ", RelationLevels.Codes));
                break;
            }
    }

    /// <summary>Whether anything narrows the list (an empty list then means "nothing matches", not "nothing yet").</summary>
    public bool IsFiltered => new[] { Q, Level, Region, Kind }.Any(v => !string.IsNullOrWhiteSpace(v)) ||
        new[] { Neighbour, LandBorder, MaritimeBoundary, Asean, MajorPower }.Any(v => v is not null);
}

public sealed record PartnerListItem(
    string Code, [property: CodeSet(typeof(PartnerKind))] string Kind, string NameVi, string NameEn, string? Region, [property: CodeSet(typeof(RelationLevel))] string? Level, string? LevelSince,
    bool Neighbour, bool LandBorder, bool MaritimeBoundary, bool Asean, bool MajorPower, bool Special);

/// <summary>Reads partners for the API and the pages: the list with each partner's level on a given
/// day (the latest framework event that had certainly happened by then, its
/// <see cref="FrameworkEvent.EffectiveBy"/>, or "special" for the special relations that have no ladder
/// event), one partner with its ladder, one event. Reads go through the classification query filter.</summary>
public sealed class PartnerQueries(ChanceryDbContext db, TimeProvider clock)
{
    private sealed record Row(Partner Partner, RelationLevel? Level, DateOnly? Since, DatePrecision? Precision);

    private DateOnly Today => clock.Today();

    public async Task<PartnerDetail?> GetAsync(string code, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        var partner = await db.Partners.AsNoTracking().Include(p => p.FrameworkEvents)
            .SingleOrDefaultAsync(p => p.Code == normalized, ct);
        return partner is null ? null : ToDetail(partner, Today);
    }

    public async Task<FrameworkEventDetail?> GetEventAsync(string code, int id, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        var e = await db.FrameworkEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.Partner!.Code == normalized, ct);
        return e is null ? null : FrameworkEventDetail.From(e);
    }

    /// <summary>The regions of the region list that partners are in, in the list's order, for the list's filter.</summary>
    public async Task<List<string>> RegionsAsync(CancellationToken ct = default)
    {
        var used = (await db.Partners.AsNoTracking().Where(p => p.Region != null).Select(p => p.Region!).Distinct().ToListAsync(ct)).ToHashSet();
        return WorldRegions.Regions.Select(r => r.Code).Where(used.Contains).ToList();
    }

    /// <summary>The orders the list offers (by name in the reader's language unless asked otherwise).</summary>
    public static readonly SortOptions Sorts = new(new ListSort("name", Descending: false), "name", "code", "region", "level", "since");

    public Task<ListResult<PartnerListItem>> ListAsync(PartnerFilter filter, CancellationToken ct = default) =>
        ListAsync(db, filter, Today, ct);

    /// <summary>The ids of the partners the list shows for <paramref name="filter"/> (its export's partners).</summary>
    public async Task<List<int>> MatchingIdsAsync(PartnerFilter filter, CancellationToken ct = default) =>
        (await MatchingAsync(db, filter, Today, ct)).Select(r => r.Partner.Id).ToList();

    /// <summary>Codes are stored upper-case; links and inputs may not be.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    private static async Task<ListResult<PartnerListItem>> ListAsync(ChanceryDbContext db, PartnerFilter filter, DateOnly today, CancellationToken ct)
    {
        // Partners are reference-sized (a few hundred), so sorting happens here with the reader's
        // culture: Vietnamese collation puts "Ấn Độ" under A, which SQL's binary order cannot.
        var sorted = Sort(await MatchingAsync(db, filter, today, ct), Sorts.Parse(filter.Sort)).ToList();
        var paging = Paging.From(filter.Page, filter.PageSize);
        var items = sorted.Skip(paging.Skip).Take(paging.PageSize).Select(ToItem).ToList();
        return new ListResult<PartnerListItem>(items, sorted.Count);
    }

    /// <summary>The partners a filter selects, each with its level on the filter's day.</summary>
    private static async Task<IEnumerable<Row>> MatchingAsync(ChanceryDbContext db, PartnerFilter filter, DateOnly today, CancellationToken ct)
    {
        IEnumerable<Row> matching = await QueryWithLevel(db, filter.AsOf ?? today, Filtered(db, filter)).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(filter.Level))
        {
            var wanted = filter.Level.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(code => RelationLevels.TryParse(code, out var l) ? l : (RelationLevel?)null).ToHashSet();
            matching = matching.Where(r => wanted.Contains(CurrentLevel(r)));
        }
        return matching;
    }

    /// <summary>How many partners stand at each level on <paramref name="asOf"/> (the home page's cards).</summary>
    public async Task<Dictionary<RelationLevel, int>> CountByLevelAsync(DateOnly asOf, CancellationToken ct)
    {
        var rows = await QueryWithLevel(db, asOf, db.Partners.AsNoTracking()).ToListAsync(ct);
        return rows.Select(CurrentLevel).Where(l => l is not null).GroupBy(l => l!.Value).ToDictionary(g => g.Key, g => g.Count());
    }

    private static IQueryable<Partner> Filtered(ChanceryDbContext db, PartnerFilter filter)
    {
        var query = db.Partners.AsNoTracking().MatchingSearch(filter.Q);
        if (!string.IsNullOrWhiteSpace(filter.Region)) query = query.Where(p => p.Region == filter.Region);
        if (string.Equals(filter.Kind, "country", StringComparison.OrdinalIgnoreCase)) query = query.Where(p => p.Kind == PartnerKind.Country);
        if (string.Equals(filter.Kind, "organisation", StringComparison.OrdinalIgnoreCase)) query = query.Where(p => p.Kind == PartnerKind.Organisation);
        if (filter.Neighbour is { } n) query = query.Where(p => p.IsNeighbour == n);
        if (filter.LandBorder is { } lb) query = query.Where(p => p.HasLandBorder == lb);
        if (filter.MaritimeBoundary is { } mb) query = query.Where(p => p.HasMaritimeBoundary == mb);
        if (filter.Asean is { } a) query = query.Where(p => p.IsAseanMember == a);
        if (filter.MajorPower is { } mp) query = query.Where(p => p.IsMajorPower == mp);
        return query;
    }

    private static IQueryable<Row> QueryWithLevel(ChanceryDbContext db, DateOnly asOf, IQueryable<Partner> partners)
    {
        // A captured set: an expression tree cannot hold the module's extension property itself.
        IQueryable<FrameworkEvent> events = db.FrameworkEvents;
        return partners.Select(p => new Row(
            p,
            events.Where(e => e.PartnerId == p.Id && e.EffectiveBy <= asOf)
                .OrderByDescending(e => e.Date).ThenByDescending(e => e.Level).Select(e => (RelationLevel?)e.Level).FirstOrDefault(),
            events.Where(e => e.PartnerId == p.Id && e.EffectiveBy <= asOf)
                .OrderByDescending(e => e.Date).ThenByDescending(e => e.Level).Select(e => (DateOnly?)e.Date).FirstOrDefault(),
            events.Where(e => e.PartnerId == p.Id && e.EffectiveBy <= asOf)
                .OrderByDescending(e => e.Date).ThenByDescending(e => e.Level).Select(e => (DatePrecision?)e.Precision).FirstOrDefault()));
    }

    private static RelationLevel? CurrentLevel(Row row) =>
        row.Level ?? (row.Partner.HasSpecialRelationship ? RelationLevel.Special : null);

    /// <summary>The rows in the asked order; equal values by name, then by code, so pages never shuffle.</summary>
    private static IEnumerable<Row> Sort(IEnumerable<Row> rows, ListSort sort)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var vietnamese = Common.Localization.LocalizationSetup.IsVietnamese;
        var byName = StringComparer.Create(culture, ignoreCase: true);
        string Name(Row r) => vietnamese ? r.Partner.NameVi : r.Partner.NameEn;
        IOrderedEnumerable<Row> By<TKey>(Func<Row, TKey> key, IComparer<TKey>? comparer = null) =>
            sort.Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
        var ordered = sort.Field switch
        {
            "level" => By(r => (int)(CurrentLevel(r) ?? 0)),
            "code" => By(r => r.Partner.Code, StringComparer.Ordinal),
            "region" => By(r => r.Partner.Region ?? "~", byName),
            "since" => By(r => r.Since ?? DateOnly.MinValue),
            _ => By(Name, byName),
        };
        return ordered.ThenBy(Name, byName).ThenBy(r => r.Partner.Code, StringComparer.Ordinal);
    }

    /// <summary>The level on a day: the latest event certainly in force by then (same rule as the list).</summary>
    private static PartnerDetail ToDetail(Partner p, DateOnly asOf)
    {
        var events = p.FrameworkEvents.OrderBy(e => e.Date).ThenBy(e => e.Level).ToList();
        var current = events.Where(e => e.EffectiveBy <= asOf).OrderByDescending(e => e.Date).ThenByDescending(e => e.Level).FirstOrDefault();
        var level = current?.Level ?? (p.HasSpecialRelationship ? RelationLevel.Special : null);
        return new PartnerDetail(
            p.Code, p.Kind == PartnerKind.Country ? "country" : "organisation", p.Iso2, p.NameVi, p.NameEn, p.Region, p.Subregion,
            p.IsNeighbour, p.HasLandBorder, p.HasMaritimeBoundary, p.IsAseanMember, p.IsMajorPower, p.HasSpecialRelationship,
            p.Notes, p.Classification.ToCode(), level?.ToCode(), current?.When.ToIso(), p.Version,
            events.Select(FrameworkEventDetail.From).ToList());
    }

    private static PartnerListItem ToItem(Row r) => new(
        r.Partner.Code, r.Partner.Kind == PartnerKind.Country ? "country" : "organisation", r.Partner.NameVi, r.Partner.NameEn,
        r.Partner.Region, CurrentLevel(r)?.ToCode(),
        r.Since is { } since && r.Precision is { } precision ? new PartialDate(since, precision).ToIso() : null,
        r.Partner.IsNeighbour, r.Partner.HasLandBorder, r.Partner.HasMaritimeBoundary, r.Partner.IsAseanMember,
        r.Partner.IsMajorPower, r.Partner.HasSpecialRelationship);
}
