using System.Globalization;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments.Import;

public sealed record DeliveryRow(string Id, string CommitmentId, DateOnly Date, decimal? Amount, string? Evidence, string? Source);

/// <summary>deliveries.csv: one delivery a row, keyed by <c>id</c>; the commitment is named by its file id and
/// must be stored (and visible to the importer). The amount is in the commitment's unit. The commitment's
/// status is left as stored: an import records history, it does not replay the workflow.</summary>
public sealed class DeliveryImportDefinition(ChanceryDbContext db) : WholeFileImportDefinition<DeliveryRow>
{
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("id", Required: true, Example: "jetp-2022-d1"), new("commitment_id", Required: true, Example: "jetp-2022"),
        new("date", Required: true, Example: "2023-12-01"), new("amount", Example: "250000"),
        new("evidence", Example: "Disbursement report"), new("source", Example: "https://example.org/report"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override DeliveryRow? Parse(ImportRowReader row)
    {
        var amount = ImportNumbers.Decimal(row, "amount");
        if (amount is <= 0) row.Problem("amount", new ImportReason(CommitmentErrors.AmountNotPositive));
        return new DeliveryRow(row.Required("id"), row.Required("commitment_id"), row.Date("date", true) ?? default, amount,
            row.Optional("evidence"), row.Optional("source"));
    }

    public override string KeyOf(DeliveryRow row) => row.Id;

    public override async Task<IReadOnlyList<PlannedRow<DeliveryRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<DeliveryRow>> rows, ImportProblems problems, CancellationToken ct)
    {
        var commitmentRefs = rows.Select(r => r.Value.CommitmentId).Distinct().ToList();
        var ids = rows.Select(r => r.Value.Id).Distinct().ToList();
        // Through the classification filter: a commitment the importer cannot see is unknown to them.
        var commitments = await db.Commitments.AsNoTracking().Where(c => EF.Parameter(commitmentRefs).Contains(c.ExternalRef))
            .Select(c => new { c.Id, c.ExternalRef, c.Unit, c.PledgedDate }).ToDictionaryAsync(c => c.ExternalRef, ct);
        var stored = await db.Deliveries.Where(d => EF.Parameter(ids).Contains(d.ExternalRef)).ToDictionaryAsync(d => d.ExternalRef, ct);
        var visibleIds = commitments.Values.Select(c => c.Id).ToHashSet();

        var plan = new List<PlannedRow<DeliveryRow>>(rows.Count);
        foreach (var row in rows)
        {
            var r = row.Value;
            if (!commitments.TryGetValue(r.CommitmentId, out var commitment))
            {
                if (r.CommitmentId.Length > 0) problems.Add(row.Line, "commitment_id", new ImportReason("UnknownCommitmentRef", r.CommitmentId));
                continue;
            }
            var ok = true;
            if (r.Date != default && r.Date < commitment.PledgedDate) { problems.Add(row.Line, "date", new ImportReason(CommitmentErrors.DeliveryBeforePledge)); ok = false; }
            if (r.Amount is not null && commitment.Unit is null) { problems.Add(row.Line, "amount", new ImportReason(CommitmentErrors.DeliveryAmountWithoutPledge)); ok = false; }
            stored.TryGetValue(r.Id, out var existing);
            // A stored delivery of a commitment the importer cannot see: refused, never moved or duplicated.
            if (existing is not null && !visibleIds.Contains(existing.CommitmentId) && existing.CommitmentId != commitment.Id)
            {
                problems.Add(row.Line, "id", ImportReasons.Unavailable());
                continue;
            }
            if (!ok || row.Flawed) continue;
            var value = r;
            if (existing is null)
            {
                plan.Add(new PlannedRow<DeliveryRow>(row.Line, row.Key, ImportAction.Create, value, []) { Target = commitment.Id });
                continue;
            }
            var changes = new List<FieldChange>();
            void Compare(string f, string? b, string? a) { if (!string.Equals(b ?? "", a ?? "", StringComparison.Ordinal)) changes.Add(new FieldChange(f, b, a)); }
            Compare("commitment_id", existing.CommitmentId.ToString(CultureInfo.InvariantCulture), commitment.Id.ToString(CultureInfo.InvariantCulture));
            Compare("date", IsoDate.Format(existing.Date), IsoDate.Format(r.Date));
            Compare("amount", existing.Amount?.ToString("0.####", CultureInfo.InvariantCulture), r.Amount?.ToString("0.####", CultureInfo.InvariantCulture));
            Compare("evidence", existing.Evidence, r.Evidence);
            Compare("source", existing.Source, r.Source);
            plan.Add(new PlannedRow<DeliveryRow>(row.Line, row.Key, changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, value, changes)
                { Target = commitment.Id });
        }
        return plan;
    }

    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<DeliveryRow>> plan, CancellationToken ct)
    {
        var ids = plan.Select(p => p.Value.Id).ToList();
        var stored = await db.Deliveries.Where(d => EF.Parameter(ids).Contains(d.ExternalRef)).ToDictionaryAsync(d => d.ExternalRef, ct);
        foreach (var row in plan.Where(p => p.Action != ImportAction.Unchanged))
        {
            var d = stored.GetValueOrDefault(row.Value.Id) ?? db.Deliveries.Add(new Delivery { ExternalRef = row.Value.Id }).Entity;
            d.CommitmentId = (int)row.Target!;
            d.Date = row.Value.Date;
            d.Amount = row.Value.Amount;
            d.Evidence = row.Value.Evidence;
            d.Source = row.Value.Source;
        }
        await db.SaveChangesAsync(ct);
    }

    public override ImportRowSummary Describe(PlannedRow<DeliveryRow> row) => new(IsoDate.Format(row.Value.Date), row.Value.CommitmentId);
}
