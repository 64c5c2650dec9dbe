using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments;

/// <summary>The one write path of a commitment and its deliveries, for the API and the pages alike:
/// find (through the classification filter), check (every problem by its field, as a code), guard the
/// level, apply, and save through <see cref="CheckedSave"/> (a stale version is a conflict). A change of
/// status in the app follows <see cref="CommitmentWorkflow"/>; a first delivery starts an open commitment.</summary>
public sealed class CommitmentWriter(ChanceryDbContext db, CommitmentQueries queries)
{
    public async Task<WriteOutcome<CommitmentDetail>> CreateAsync(CommitmentInput input, CancellationToken ct)
    {
        var problems = await CheckAsync(input, null, ct);
        var status = CheckStatus(input.Status, null, problems);
        var level = WriteGuard.Classification(input.Classification, db.Clearance, null, ClassificationLevel.Internal, problems);
        if (problems.Any) return WriteOutcome<CommitmentDetail>.Invalid(problems);

        var commitment = new Commitment
        {
            ExternalRef = input.ExternalRef is { Length: > 0 } r ? r.Trim() : "C-" + Guid.NewGuid().ToString("N")[..12], PartnerCode = "", Title = "",
        };
        Apply(commitment, input, status ?? CommitmentStatus.Open, level!.Value);
        db.Commitments.Add(commitment);
        return await CheckedSave.SaveAsync(db, commitment, problems, c => queries.DetailAsync(commitment.Id, c), WriteStatus.Created, ct);
    }

    public async Task<WriteOutcome<CommitmentDetail>> UpdateAsync(int id, CommitmentInput input, CancellationToken ct)
    {
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (commitment is null) return WriteOutcome<CommitmentDetail>.NotFound();
        var problems = await CheckAsync(input, commitment, ct);
        if (input.Version is null) problems.Add("version", ErrorCodes.VersionRequired);
        var status = CheckStatus(input.Status, commitment.Status, problems);
        var level = WriteGuard.Classification(input.Classification, db.Clearance, commitment.Classification, ClassificationLevel.Internal, problems);
        if (problems.Any) return WriteOutcome<CommitmentDetail>.Invalid(problems);

        if (input.ExternalRef is { Length: > 0 } r) commitment.ExternalRef = r.Trim();
        Apply(commitment, input, status ?? commitment.Status, level!.Value);
        db.ExpectVersion(commitment, input.Version!.Value);
        return await CheckedSave.SaveAsync(db, commitment, problems, c => queries.DetailAsync(id, c), WriteStatus.Saved, ct);
    }

    /// <summary>Moves a commitment along the workflow (the detail page's buttons), refusing a move that makes no sense.</summary>
    public async Task<WriteOutcome<CommitmentDetail>> ChangeStatusAsync(int id, CommitmentStatusInput input, CancellationToken ct)
    {
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (commitment is null) return WriteOutcome<CommitmentDetail>.NotFound();
        var problems = new Problems();
        if (input.Version is null) problems.Add("version", ErrorCodes.VersionRequired);
        if (string.IsNullOrWhiteSpace(input.Status)) problems.Add("status", ErrorCodes.Required);
        var status = CheckStatus(input.Status, commitment.Status, problems);
        if (problems.Any) return WriteOutcome<CommitmentDetail>.Invalid(problems);
        commitment.Status = status!.Value;
        db.ExpectVersion(commitment, input.Version!.Value);
        return await CheckedSave.SaveAsync(db, commitment, problems, c => queries.DetailAsync(id, c), WriteStatus.Saved, ct);
    }

    /// <summary>Records a delivery. Its amount is in the commitment's unit; a first delivery moves an open
    /// commitment to in progress; a cancelled commitment receives nothing.</summary>
    public async Task<WriteOutcome<CommitmentDetail>> AddDeliveryAsync(int commitmentId, DeliveryInput input, CancellationToken ct)
    {
        var commitment = await db.Commitments.Include(c => c.Deliveries).SingleOrDefaultAsync(c => c.Id == commitmentId, ct);
        if (commitment is null) return WriteOutcome<CommitmentDetail>.NotFound();
        var problems = new Problems();
        if (commitment.Status == CommitmentStatus.Cancelled) problems.Add("commitment", CommitmentErrors.DeliveryToCancelled);
        if (input.Date is not { } date || date == default) problems.Add("date", CommitmentErrors.DeliveryDateRequired);
        else if (date < commitment.PledgedDate) problems.Add("date", CommitmentErrors.DeliveryBeforePledge);
        if (input.Amount is { } amount)
        {
            if (amount <= 0) problems.Add("amount", CommitmentErrors.AmountNotPositive);
            else if (commitment.Unit is null) problems.Add("amount", CommitmentErrors.DeliveryAmountWithoutPledge);
        }
        var reference = input.ExternalRef is { Length: > 0 } r ? r.Trim() : "D-" + Guid.NewGuid().ToString("N")[..12];
        if (await db.Deliveries.AnyAsync(d => d.ExternalRef == reference, ct)) problems.Add("externalRef", ErrorCodes.Taken, reference);
        if (problems.Any) return WriteOutcome<CommitmentDetail>.Invalid(problems);

        var delivery = new Delivery
        {
            ExternalRef = reference, Date = input.Date!.Value, Amount = input.Amount, Evidence = Blank(input.Evidence), Source = Blank(input.Source),
        };
        commitment.Deliveries.Add(delivery);
        if (commitment.Status == CommitmentStatus.Open) commitment.Status = CommitmentStatus.InProgress;
        return await CheckedSave.SaveAsync(db, [new Limited(delivery)], problems, c => queries.DetailAsync(commitmentId, c), WriteStatus.Created, ct);
    }

    /// <summary>Removes a delivery entered by mistake (the status stays as it is: it was decided by people).</summary>
    public async Task<WriteOutcome<CommitmentDetail>> RemoveDeliveryAsync(int commitmentId, int deliveryId, CancellationToken ct)
    {
        var commitment = await db.Commitments.Include(c => c.Deliveries).SingleOrDefaultAsync(c => c.Id == commitmentId, ct);
        var delivery = commitment?.Deliveries.SingleOrDefault(d => d.Id == deliveryId);
        if (delivery is null) return WriteOutcome<CommitmentDetail>.NotFound();
        db.Deliveries.Remove(delivery);
        return await CheckedSave.SaveAsync(db, [], new Problems(), c => queries.DetailAsync(commitmentId, c), WriteStatus.Saved, ct);
    }

    /// <summary>The status the input asks for, checked against the workflow from the stored one (none when creating).</summary>
    private static CommitmentStatus? CheckStatus(string? code, CommitmentStatus? stored, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(code)) return stored;
        if (!Codes<CommitmentStatus>.TryParse(code, out var status))
        {
            problems.Add("status", ErrorCodes.OneOf, string.Join(", ", Codes<CommitmentStatus>.All));
            return null;
        }
        if (stored is { } from && CommitmentWorkflow.Refusal(from, status) is { } refusal) problems.Add("status", refusal);
        return status;
    }

    /// <param name="stored">The commitment being edited (none when creating). The agreement and activity it already
    /// names are kept without being looked up again: one put in the bin, or above the editor's clearance, must
    /// not stop an edit of the commitment's other fields (nor be dropped by it).</param>
    private async Task<Problems> CheckAsync(CommitmentInput input, Commitment? stored, CancellationToken ct)
    {
        var problems = new Problems();
        var editingId = stored?.Id;
        var partner = input.PartnerCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(partner)) problems.Add("partnerCode", CommitmentErrors.PartnerRequired);
        else if (!await db.Partners.AnyAsync(p => p.Code == partner, ct)) problems.Add("partnerCode", CommitmentErrors.UnknownPartner, partner);
        if (string.IsNullOrWhiteSpace(input.Title)) problems.Add("title", CommitmentErrors.TitleRequired);
        if (!Codes<CommitmentSector>.TryParse(input.Sector, out _)) problems.Add("sector", ErrorCodes.OneOf, string.Join(", ", Codes<CommitmentSector>.All));
        if (!string.IsNullOrWhiteSpace(input.Direction) && !Codes<CommitmentDirection>.TryParse(input.Direction, out _))
            problems.Add("direction", ErrorCodes.OneOf, string.Join(", ", Codes<CommitmentDirection>.All));
        CheckAmount(input.Amount, input.Unit, problems);
        if (input.PledgedDate is not { } pledged || pledged == default) problems.Add("pledgedDate", CommitmentErrors.PledgedDateRequired);
        else if (input.DueDate is { } due && due < pledged) problems.Add("dueDate", CommitmentErrors.DueBeforePledge);
        foreach (var theme in input.Themes ?? [])
            if (!ActivityThemes.All.Contains(theme.Trim().ToLowerInvariant())) problems.Add("themes", CommitmentErrors.UnknownTheme, theme);
        if (input.OwnerUnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, ct)) problems.Add("ownerUnitId", CommitmentErrors.UnknownUnitCode);
        if (input.ActivityId is { } activity && activity != stored?.ActivityId && !await db.Activities.AnyAsync(a => a.Id == activity, ct)) problems.Add("activityId", CommitmentErrors.UnknownActivity);
        if (input.AgreementId is { } agreement && agreement != stored?.AgreementId && !await CommitmentOrigins.AgreementExistsAsync(db, agreement, ct))
            problems.Add("agreementId", CommitmentErrors.UnknownAgreement);
        if (input.AgreementId is null && input.ActivityId is null && string.IsNullOrWhiteSpace(input.Sources))
            problems.Add("sources", CommitmentErrors.NeedsOrigin);
        if (input.ExternalRef is { Length: > 0 } reference
            && await db.Commitments.IgnoreQueryFilters().AnyAsync(c => c.ExternalRef == reference.Trim() && c.Id != editingId, ct))
            problems.Add("externalRef", CommitmentErrors.ReferenceTaken);
        return problems;
    }

    /// <summary>An amount is positive and has a unit (a currency or a count); a unit alone is allowed (the amount is not known yet).</summary>
    public static void CheckAmount(decimal? amount, string? unit, Problems problems)
    {
        if (!string.IsNullOrWhiteSpace(unit) && CommitmentUnits.Normalise(unit) is null)
            problems.Add("unit", CommitmentErrors.UnknownUnit, unit, string.Join(", ", CommitmentUnits.Counts));
        if (amount is { } a)
        {
            if (a <= 0) problems.Add("amount", CommitmentErrors.AmountNotPositive);
            else if (string.IsNullOrWhiteSpace(unit)) problems.Add("unit", CommitmentErrors.AmountNeedsUnit);
        }
    }

    private static void Apply(Commitment c, CommitmentInput input, CommitmentStatus status, ClassificationLevel level)
    {
        c.AgreementId = input.AgreementId;
        c.ActivityId = input.ActivityId;
        c.PartnerCode = input.PartnerCode!.Trim().ToUpperInvariant();
        c.Direction = Codes<CommitmentDirection>.TryParse(input.Direction, out var d) ? d : CommitmentDirection.Inbound;
        Codes<CommitmentSector>.TryParse(input.Sector, out var sector);
        c.Sector = sector;
        c.Title = input.Title!.Trim();
        c.Amount = input.Amount;
        c.Unit = CommitmentUnits.Normalise(input.Unit);
        c.PledgedDate = input.PledgedDate!.Value;
        c.DueDate = input.DueDate;
        c.OwnerUnitId = input.OwnerUnitId;
        c.Status = status;
        c.Themes = Activity.JoinThemes(input.Themes ?? []);
        c.Sources = Blank(input.Sources);
        c.Notes = Blank(input.Notes);
        c.Classification = level;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
