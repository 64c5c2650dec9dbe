using System.Globalization;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Partners;

/// <summary>Deleted framework events in the bin, named as the audit page and the partner's history name
/// them (the partner and the level) with their date. Nothing keeps one from coming back: its level and
/// date stay taken while it is in the bin (the editor is told so), so no second event has taken them.</summary>
internal sealed class FrameworkEventBinSource(ChanceryDbContext db, IStringLocalizer<PartnersText> text) : BinSource<FrameworkEvent>(db)
{
    public override string Kind => "partner_event";
    public override string Label => text["BinKind"];
    public override int Order => 300;

    protected override async Task<IReadOnlyList<BinItem>> ItemsAsync(IQueryable<FrameworkEvent> records, CancellationToken ct)
    {
        var rows = await records.Join(Db.Partners, e => e.PartnerId, p => p.Id,
                (e, p) => new { e.Id, e.Level, e.Date, e.Precision, e.Classification, e.DeletedAt, e.DeletedBy, p.NameVi, p.NameEn })
            .ToListAsync(ct);
        return rows.Select(r => Item(r.Id,
            $"{(LocalizationSetup.IsVietnamese ? r.NameVi : r.NameEn)} · {text["Level_" + r.Level.ToCode()]}",
            new PartialDate(r.Date, r.Precision).ToDisplay(CultureInfo.CurrentCulture), r.Classification, r.DeletedAt, r.DeletedBy)).ToList();
    }
}
