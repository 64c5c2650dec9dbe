using Chancery.Web.Common.Audit;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Commitments;

/// <summary>Commitments on the audit page: named by their title, linked to their page (found through the
/// classification filter, so a hidden commitment is not named).</summary>
internal sealed class CommitmentAuditSubject(ChanceryDbContext db, IStringLocalizer<CommitmentsText> text) : AuditSubject<Commitment>(text)
{
    public override string? ChangeFeedType => "commitment";

    protected override string LabelKey => "Commitments";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(Commitment.ExternalRef)] = "Reference", [nameof(Commitment.PartnerCode)] = "Partner",
        [nameof(Commitment.OwnerUnitId)] = "OwnerUnit", [nameof(Commitment.ActivityId)] = "Activity",
        [nameof(Commitment.AgreementId)] = "Agreement",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(Commitment.ActivityId)] = "Activity", [nameof(Commitment.OwnerUnitId)] = "Unit",
    };

    public override string? Value(string field, string value) => field switch
    {
        nameof(Commitment.Status) => CodeWord<CommitmentStatus>(text, "Status_", value),
        nameof(Commitment.Sector) => CodeWord<CommitmentSector>(text, "Sector_", value),
        nameof(Commitment.Direction) => CodeWord<CommitmentDirection>(text, "Direction_", value),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(r.Title, "/commitments/" + r.Id));
    }
}

/// <summary>A delivery: named after its commitment, which the reader must be able to see.</summary>
internal sealed class DeliveryAuditSubject(ChanceryDbContext db, IStringLocalizer<CommitmentsText> text) : AuditSubject<Delivery>(text)
{
    protected override string LabelKey => "Deliveries";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(Delivery.ExternalRef)] = "Reference", [nameof(Delivery.CommitmentId)] = "Commitment",
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        // Joined to the commitments, whose classification filter decides which deliveries may be named.
        var rows = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Join(db.Commitments.AsNoTracking(), d => d.CommitmentId, c => c.Id, (d, c) => new { d.Id, d.Date, c.Title, CommitmentId = c.Id })
            .ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName($"{r.Title} · {Common.Localization.Formats.Date(r.Date)}", "/commitments/" + r.CommitmentId));
    }
}

/// <summary>An exchange rate: named by its year and currency, linked to the rates page.</summary>
internal sealed class ExchangeRateAuditSubject(ChanceryDbContext db, IStringLocalizer<CommitmentsText> text) : AuditSubject<ExchangeRate>(text)
{
    protected override string LabelKey => "ExchangeRates";

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await db.ExchangeRates.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Year, r.Currency }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName($"{r.Currency} {r.Year}", "/commitments/exchange-rates"));
    }
}
