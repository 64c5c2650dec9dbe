using Chancery.Web.Common.Api;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>Filters for the partner list (page and API share them).</summary>
public sealed record PartnerFilter
{
    public string? Q { get; init; }
    public string? Level { get; init; }
    public DateOnly? AsOf { get; init; }
    public string? Region { get; init; }
    public string? Kind { get; init; }
    public bool? Neighbour { get; init; }
    public bool? LandBorder { get; init; }
    public bool? MaritimeBoundary { get; init; }
    public bool? Asean { get; init; }
    public bool? MajorPower { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record PartnerListItem(
    string Code, string Kind, string NameVi, string NameEn, string? Region, string? Level, string? LevelSince,
    bool Neighbour, bool LandBorder, bool MaritimeBoundary, bool Asean, bool MajorPower, bool Special);

/// <summary>Reads partners with their level on a given day: the latest framework event that had
/// certainly happened by then (its <see cref="FrameworkEvent.EffectiveBy"/>), or "special" for the
/// special relations that have no ladder event.</summary>
public static class PartnerQueries
{
    private sealed record Row(Partner Partner, RelationLevel? Level, DateOnly? Since, DatePrecision? Precision);

    public static async Task<ListResult<PartnerListItem>> ListAsync(ChanceryDbContext db, PartnerFilter filter, DateOnly today, CancellationToken ct)
    {
        var rows = await QueryWithLevel(db, filter.AsOf ?? today, Filtered(db, filter)).ToListAsync(ct);
        IEnumerable<Row> matching = rows;
        if (!string.IsNullOrWhiteSpace(filter.Level))
        {
            var wanted = filter.Level.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(code => RelationLevels.TryParse(code, out var l) ? l : (RelationLevel?)null).ToHashSet();
            matching = matching.Where(r => wanted.Contains(CurrentLevel(r)));
        }
        // Partners are reference-sized (a few hundred), so sorting happens here with the reader's
        // culture: Vietnamese collation puts "Ấn Độ" under A, which SQL's binary order cannot.
        var sorted = Sort(matching, filter.Sort).ToList();
        var paging = Paging.From(filter.Page, filter.PageSize);
        var items = sorted.Skip(paging.Skip).Take(paging.PageSize).Select(ToItem).ToList();
        return new ListResult<PartnerListItem>(items, sorted.Count);
    }

    public static async Task<Dictionary<RelationLevel, int>> CountByLevelAsync(ChanceryDbContext db, DateOnly asOf, CancellationToken ct)
    {
        var rows = await QueryWithLevel(db, asOf, db.Partners.AsNoTracking()).ToListAsync(ct);
        return rows.Select(CurrentLevel).Where(l => l is not null).GroupBy(l => l!.Value).ToDictionary(g => g.Key, g => g.Count());
    }

    public static IQueryable<Partner> Filtered(ChanceryDbContext db, PartnerFilter filter)
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

    private static IEnumerable<Row> Sort(IEnumerable<Row> rows, string? sort)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var vietnamese = Common.Localization.LocalizationSetup.IsVietnamese;
        var byName = StringComparer.Create(culture, ignoreCase: true);
        string Name(Row r) => vietnamese ? r.Partner.NameVi : r.Partner.NameEn;
        return sort switch
        {
            "level" => rows.OrderByDescending(r => CurrentLevel(r) ?? 0).ThenBy(Name, byName),
            "code" => rows.OrderBy(r => r.Partner.Code, StringComparer.Ordinal),
            "region" => rows.OrderBy(r => r.Partner.Region ?? "~", byName).ThenBy(Name, byName),
            "since" => rows.OrderByDescending(r => r.Since ?? DateOnly.MinValue).ThenBy(Name, byName),
            _ => rows.OrderBy(Name, byName),
        };
    }

    private static PartnerListItem ToItem(Row r) => new(
        r.Partner.Code, r.Partner.Kind == PartnerKind.Country ? "country" : "organisation", r.Partner.NameVi, r.Partner.NameEn,
        r.Partner.Region, CurrentLevel(r)?.ToCode(),
        r.Since is { } since && r.Precision is { } precision ? new PartialDate(since, precision).ToIso() : null,
        r.Partner.IsNeighbour, r.Partner.HasLandBorder, r.Partner.HasMaritimeBoundary, r.Partner.IsAseanMember,
        r.Partner.IsMajorPower, r.Partner.HasSpecialRelationship);
}
