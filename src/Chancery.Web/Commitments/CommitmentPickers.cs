using System.Globalization;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Ui;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments;

/// <summary>Agreements the reader may see, by their words or reference, the latest signed first: the
/// agreement a commitment is part of.</summary>
public sealed class AgreementPickerSource(ChanceryDbContext db) : IPickerSource
{
    public string Kind => "agreements";

    public async Task<IReadOnlyList<PickerOption>> FindAsync(PickerQuery query, CancellationToken ct) =>
        Options(await db.Agreements.AsNoTracking().MatchingSearch(query.Q)
            .OrderByDescending(a => a.SignedDate).ThenByDescending(a => a.Id).Take(query.Limit)
            .Select(a => new Row(a.Id, a.TitleVi, a.TitleEn, a.ExternalRef, a.SignedDate)).ToListAsync(ct));

    public async Task<IReadOnlyList<PickerOption>> ChosenAsync(IReadOnlyCollection<string> values, CancellationToken ct)
    {
        var ids = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        return Options(await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new Row(a.Id, a.TitleVi, a.TitleEn, a.ExternalRef, a.SignedDate)).ToListAsync(ct));
    }

    private sealed record Row(int Id, string? TitleVi, string? TitleEn, string ExternalRef, DateOnly? SignedDate);

    private static List<PickerOption> Options(IEnumerable<Row> rows) => rows.Select(a =>
        new PickerOption(a.Id.ToString(CultureInfo.InvariantCulture),
            (LocalizationSetup.IsVietnamese ? a.TitleVi ?? a.TitleEn : a.TitleEn ?? a.TitleVi) ?? a.ExternalRef,
            a.SignedDate is { } d ? $"{Formats.Date(d)} · {a.ExternalRef}" : a.ExternalRef)
        { Search = TextFolding.FoldAll(a.TitleVi, a.TitleEn, a.ExternalRef) }).ToList();
}
