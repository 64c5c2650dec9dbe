using System.Globalization;
using Chancery.Web.Activities;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Ui;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Agreements;

/// <summary>Activities the reader may see, by their words or reference, the latest first: the activity
/// during which an agreement was signed.</summary>
public sealed class ActivityPickerSource(ChanceryDbContext db) : IPickerSource
{
    public string Kind => "activities";

    public async Task<IReadOnlyList<PickerOption>> FindAsync(PickerQuery query, CancellationToken ct)
    {
        var rows = await db.Activities.AsNoTracking().MatchingSearch(query.Q)
            .OrderByDescending(a => a.DateStart).ThenByDescending(a => a.Id).Take(query.Limit)
            .Select(a => new { a.Id, a.Title, a.ExternalRef, a.DateStart }).ToListAsync(ct);
        return Options(rows.Select(a => (a.Id, a.Title, a.ExternalRef, a.DateStart)));
    }

    public async Task<IReadOnlyList<PickerOption>> ChosenAsync(IReadOnlyCollection<string> values, CancellationToken ct)
    {
        var ids = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        var rows = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.ExternalRef, a.DateStart }).ToListAsync(ct);
        return Options(rows.Select(a => (a.Id, a.Title, a.ExternalRef, a.DateStart)));
    }

    private static List<PickerOption> Options(IEnumerable<(int Id, string? Title, string ExternalRef, DateOnly DateStart)> rows) =>
        rows.Select(a => new PickerOption(a.Id.ToString(CultureInfo.InvariantCulture), a.Title ?? a.ExternalRef,
            $"{Formats.Date(a.DateStart)} · {a.ExternalRef}") { Search = TextFolding.FoldAll(a.Title, a.ExternalRef) }).ToList();
}

/// <summary>Units by code or either name: the unit that follows an agreement up.</summary>
public sealed class UnitPickerSource(ChanceryDbContext db) : IPickerSource
{
    public string Kind => "units";

    public async Task<IReadOnlyList<PickerOption>> FindAsync(PickerQuery query, CancellationToken ct) =>
        Options(await db.Units.AsNoTracking().MatchingSearch(query.Q).OrderBy(u => u.Code).Take(query.Limit).ToListAsync(ct));

    public async Task<IReadOnlyList<PickerOption>> ChosenAsync(IReadOnlyCollection<string> values, CancellationToken ct)
    {
        var ids = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        return Options(await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct));
    }

    private static List<PickerOption> Options(IEnumerable<Unit> units) =>
        units.Select(u => new PickerOption(u.Id.ToString(CultureInfo.InvariantCulture), LocalizationSetup.IsVietnamese ? u.NameVi : u.NameEn, u.Code)
        {
            Search = TextFolding.FoldAll(u.Code, u.NameVi, u.NameEn),
        }).ToList();
}
