using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Ui;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>Countries by either name or code, diacritics ignored ("han quoc", "Korea", "KOR" find the
/// Republic of Korea), for a trip's legs. Every country the reader may see is offered, in the bin or
/// not, as every page names them (<see cref="PartnerCountryNames"/>); one classified above the reader is not.</summary>
public sealed class CountryPickerSource(ChanceryDbContext db) : IPickerSource
{
    public string Kind => "countries";

    public async Task<IReadOnlyList<PickerOption>> FindAsync(PickerQuery query, CancellationToken ct)
    {
        // About 250 rows: ranked here, where the reader's language and the typed code are known.
        var found = await Countries().MatchingSearch(query.Q).Select(p => new { p.Code, p.NameVi, p.NameEn }).ToListAsync(ct);
        return Ranked(found.Select(c => Option(c.Code, c.NameVi, c.NameEn)), query);
    }

    public async Task<IReadOnlyList<PickerOption>> ChosenAsync(IReadOnlyCollection<string> values, CancellationToken ct)
    {
        var codes = values.Select(v => v.Trim().ToUpperInvariant()).ToList();
        return (await Countries().Where(p => codes.Contains(p.Code)).Select(p => new { p.Code, p.NameVi, p.NameEn }).ToListAsync(ct))
            .Select(c => Option(c.Code, c.NameVi, c.NameEn)).ToList();
    }

    /// <summary>Every country, in the reader's language, sorted by name: the choices of a leg before anything is typed.</summary>
    public async Task<IReadOnlyList<PickerOption>> AllAsync(CancellationToken ct) =>
        await FindAsync(new PickerQuery(null, null, int.MaxValue), ct);

    /// <summary>The code typed first, then names beginning with what was typed, then the rest, by name in the reader's language.</summary>
    internal static List<PickerOption> Ranked(IEnumerable<PickerOption> options, PickerQuery query)
    {
        var folded = TextFolding.Fold(query.Q);
        return options
            .OrderBy(o => string.Equals(o.Value, query.Q, StringComparison.OrdinalIgnoreCase) ? 0
                : folded.Length > 0 && TextFolding.Fold(o.Label).StartsWith(folded, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(o => o.Label, StringComparer.CurrentCulture)
            .Take(query.Limit).ToList();
    }

    private IQueryable<Partner> Countries() => KnownCountries.Query(db).AsNoTracking();

    private static PickerOption Option(string code, string nameVi, string nameEn)
    {
        var vietnamese = LocalizationSetup.IsVietnamese;
        // The other language's name beside the code: a reader who knows the country by it sees why it matched.
        return new PickerOption(code, vietnamese ? nameVi : nameEn, $"{code} · {(vietnamese ? nameEn : nameVi)}")
        {
            Search = TextFolding.FoldAll(code, nameVi, nameEn),
        };
    }
}

/// <summary>Partners (countries and organisations) the reader may see, by either name or code.</summary>
public sealed class PartnerPickerSource(ChanceryDbContext db) : IPickerSource
{
    public string Kind => "partners";

    public async Task<IReadOnlyList<PickerOption>> FindAsync(PickerQuery query, CancellationToken ct)
    {
        // A few hundred partners at most (countries and organisations): ranked here like the countries.
        var found = await db.Partners.AsNoTracking().MatchingSearch(query.Q).Select(p => new { p.Code, p.NameVi, p.NameEn }).ToListAsync(ct);
        return CountryPickerSource.Ranked(found.Select(p => Option(p.Code, p.NameVi, p.NameEn)), query);
    }

    public async Task<IReadOnlyList<PickerOption>> ChosenAsync(IReadOnlyCollection<string> values, CancellationToken ct)
    {
        var codes = values.Select(v => v.Trim()).ToList();
        return (await db.Partners.AsNoTracking().Where(p => codes.Contains(p.Code)).Select(p => new { p.Code, p.NameVi, p.NameEn }).ToListAsync(ct))
            .Select(p => Option(p.Code, p.NameVi, p.NameEn)).ToList();
    }

    private static PickerOption Option(string code, string nameVi, string nameEn) =>
        new(code, LocalizationSetup.IsVietnamese ? nameVi : nameEn, code) { Search = TextFolding.FoldAll(code, nameVi, nameEn) };
}
