using Chancery.Web.Common.Api;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Agreements;

/// <summary>Deleted agreements in the bin: named by their title in the reader's language, told apart by
/// their type and date of signature. Nothing keeps one from coming back: its parties, actions and files
/// stayed with it, and the commitments made under it name it again once it is restored.</summary>
internal sealed class AgreementBinSource(ChanceryDbContext db, IStringLocalizer<AgreementsText> text) : BinSource<Agreement>(db)
{
    public override string Kind => "agreement";
    public override string Label => text["BinKind"];
    public override int Order => 150;

    protected override async Task<IReadOnlyList<BinItem>> ItemsAsync(IQueryable<Agreement> records, CancellationToken ct)
    {
        var rows = await records.Select(a => new { a.Id, a.TitleVi, a.TitleEn, a.ExternalRef, a.Type, a.SignedDate, a.Classification, a.DeletedAt, a.DeletedBy })
            .ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return rows.Select(r =>
        {
            var title = (vietnamese ? r.TitleVi ?? r.TitleEn : r.TitleEn ?? r.TitleVi) ?? r.ExternalRef;
            var type = text["Type_" + Codes<AgreementType>.ToCode(r.Type)].Value;
            var detail = r.SignedDate is { } signed ? $"{type} · {Formats.Date(signed)}" : type;
            return Item(r.Id, title, detail, r.Classification, r.DeletedAt, r.DeletedBy);
        }).ToList();
    }
}
