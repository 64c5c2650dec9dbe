using System.Globalization;
using Chancery.Web.Activities;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Agreements;

/// <summary>Agreements on the audit page: named by their title in the reader's language, linked to their
/// page; fields and codes worded with the agreement form's own labels.</summary>
internal sealed class AgreementAuditSubject(ChanceryDbContext db, IStringLocalizer<AgreementsText> text) : AuditSubject<Agreement>(text)
{
    public override string? ChangeFeedType => "agreement";

    protected override string LabelKey => "Agreements";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(Agreement.ExternalRef)] = "Reference", [nameof(Agreement.ActivityId)] = "SignedDuring",
        [nameof(Agreement.OwnerUnitId)] = "OwnerUnit",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(Agreement.ActivityId)] = nameof(Activity), [nameof(Agreement.OwnerUnitId)] = "Unit",
    };

    public override string? Value(string field, string value) => field switch
    {
        nameof(Agreement.Type) => CodeWord<AgreementType>(text, "Type_", value),
        nameof(Agreement.Status) => CodeWord<AgreementStatus>(text, "Status_", value),
        nameof(Agreement.Channel) => CodeWord<ActivityChannel>(text, "Channel_", value),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        // Named in the bin too (its Deleted entry must say what went), linked only while it is in use.
        var rows = await db.Agreements.AsNoTracking().WithBin().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.TitleVi, a.TitleEn, a.ExternalRef, InBin = a.DeletedAt != null }).ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return ByKey(rows, r => r.Id, r => new AuditSubjectName((vietnamese ? r.TitleVi ?? r.TitleEn : r.TitleEn ?? r.TitleVi) ?? r.ExternalRef,
            r.InBin ? null : "/agreements/" + r.Id));
    }
}

/// <summary>A party of an agreement (key "agreement,partner"): named after its agreement, which must be
/// visible to the reader (the party carries no level of its own).</summary>
internal sealed class AgreementPartyAuditSubject(ChanceryDbContext db, IStringLocalizer<AgreementsText> text) : AuditSubject<AgreementParty>(text)
{
    protected override string LabelKey => "Parties";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(AgreementParty.AgreementId)] = "Agreement", [nameof(AgreementParty.PartnerId)] = "Party",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(AgreementParty.AgreementId)] = nameof(Agreement),
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var pairs = keys.Select(k => k.Split(',')).Where(p => p.Length == 2
                && int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(p => (Key: string.Join(',', p), Agreement: int.Parse(p[0], CultureInfo.InvariantCulture), Partner: int.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
        var agreementIds = pairs.Select(p => p.Agreement).Distinct().ToList();
        var agreements = await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id))
            .Select(a => new { a.Id, a.TitleVi, a.TitleEn, a.ExternalRef }).ToDictionaryAsync(a => a.Id, ct);
        var partnerIds = pairs.Select(p => p.Partner).Distinct().ToList();
        var codes = await db.Partners.IgnoreQueryFilters().AsNoTracking().Where(p => partnerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Code }).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        var names = new Dictionary<string, AuditSubjectName>();
        foreach (var (key, agreementId, partnerId) in pairs)
        {
            if (!agreements.TryGetValue(agreementId, out var a)) continue;
            var title = (vietnamese ? a.TitleVi ?? a.TitleEn : a.TitleEn ?? a.TitleVi) ?? a.ExternalRef;
            names[key] = new AuditSubjectName($"{title} · {codes.GetValueOrDefault(partnerId)}", "/agreements/" + a.Id);
        }
        return names;
    }
}

/// <summary>A treaty action: named after its agreement and its kind, when the reader may see the agreement.</summary>
internal sealed class TreatyActionAuditSubject(ChanceryDbContext db, IStringLocalizer<AgreementsText> text) : AuditSubject<TreatyAction>(text)
{
    protected override string LabelKey => "TreatyActions";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(TreatyAction.AgreementId)] = "Agreement", [nameof(TreatyAction.PartnerId)] = "Party",
        [nameof(TreatyAction.Kind)] = "ActionKind", [nameof(TreatyAction.Date)] = "ActionDate", [nameof(TreatyAction.Number)] = "RegistrationNumber",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(TreatyAction.AgreementId)] = nameof(Agreement),
    };

    public override string? Value(string field, string value) =>
        field == nameof(TreatyAction.Kind) ? CodeWord<TreatyActionKind>(text, "Action_", value) : null;

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await (from action in db.TreatyActions.AsNoTracking()
                          join agreement in db.Agreements on action.AgreementId equals agreement.Id
                          where ids.Contains(action.Id)
                          select new { action.Id, action.Kind, agreement.TitleVi, agreement.TitleEn, agreement.ExternalRef, AgreementId = agreement.Id }).ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(
            $"{(vietnamese ? r.TitleVi ?? r.TitleEn : r.TitleEn ?? r.TitleVi) ?? r.ExternalRef} · {text["Action_" + Common.Api.Codes<TreatyActionKind>.ToCode(r.Kind)]}",
            "/agreements/" + r.AgreementId));
    }
}

/// <summary>A file of an agreement (uploads and downloads): named by its file name and its agreement's title,
/// when the reader may see the agreement.</summary>
internal sealed class AgreementDocumentAuditSubject(ChanceryDbContext db, IStringLocalizer<AgreementsText> text) : AuditSubject<AgreementDocument>(text)
{
    protected override string LabelKey => "Documents";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(AgreementDocument.AgreementId)] = "Agreement", [nameof(AgreementDocument.FileName)] = "FileName",
        [nameof(AgreementDocument.Kind)] = "DocumentKind",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(AgreementDocument.AgreementId)] = nameof(Agreement),
    };

    public override string? Value(string field, string value) =>
        field == nameof(AgreementDocument.Kind) ? CodeWord<AgreementDocumentKind>(text, "DocumentKind_", value) : null;

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await (from d in db.AgreementDocuments.AsNoTracking()
                          join a in db.Agreements on d.AgreementId equals a.Id
                          where ids.Contains(d.Id)
                          select new { d.Id, d.FileName, a.TitleVi, a.TitleEn, a.ExternalRef, AgreementId = a.Id }).ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(
            $"{r.FileName} · {(vietnamese ? r.TitleVi ?? r.TitleEn : r.TitleEn ?? r.TitleVi) ?? r.ExternalRef}", "/agreements/" + r.AgreementId + "#documents"));
    }
}
