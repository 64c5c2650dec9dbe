using System.Globalization;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments.Import;

public sealed record ExchangeRateRow(int Year, string Currency, decimal UsdPerUnit, string? Source);

/// <summary>exchange_rates.csv: <c>year, currency, usd_per_unit</c> (and an optional source), keyed by year and
/// currency: importing a year's rate again replaces it.</summary>
public sealed class ExchangeRateImportDefinition(ChanceryDbContext db) : WholeFileImportDefinition<ExchangeRateRow>
{
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("year", Required: true, Example: "2023"), new("currency", Required: true, Example: "JPY"),
        new("usd_per_unit", Required: true, Example: "0.00713"), new("source", Example: "IMF"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override ExchangeRateRow? Parse(ImportRowReader row)
    {
        var yearText = row.Required("year");
        int? year = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        if (yearText.Length > 0 && year is null) row.Problem("year", new ImportReason("NotANumber", yearText));
        var currency = row.Required("currency").ToUpperInvariant();
        var rate = ImportNumbers.Decimal(row, "usd_per_unit", required: true);
        var input = new ExchangeRateInput(year, currency, rate, row.Optional("source"));
        var problems = ExchangeRateWriter.Check(input);
        foreach (var p in problems.All)
        {
            var column = p.Field switch { "year" => "year", "currency" => "currency", _ => "usd_per_unit" };
            // Blank or malformed cells already have their problem.
            if ((column == "year" && year is null) || (column == "currency" && currency.Length == 0) || (column == "usd_per_unit" && rate is null)) continue;
            row.Problem(column, new ImportReason(p.Code, [.. p.Args]));
        }
        return new ExchangeRateRow(year ?? 0, currency, rate ?? 0, input.Source);
    }

    public override string KeyOf(ExchangeRateRow row) => $"{row.Year}/{row.Currency}";

    public override async Task<IReadOnlyList<PlannedRow<ExchangeRateRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<ExchangeRateRow>> rows, ImportProblems problems, CancellationToken ct)
    {
        var stored = (await db.ExchangeRates.ToListAsync(ct)).ToDictionary(r => (r.Year, r.Currency));
        var plan = new List<PlannedRow<ExchangeRateRow>>();
        foreach (var row in rows.Where(r => !r.Flawed))
        {
            var r = row.Value;
            if (!stored.TryGetValue((r.Year, r.Currency), out var existing))
            {
                plan.Add(new PlannedRow<ExchangeRateRow>(row.Line, row.Key, ImportAction.Create, r, []));
                continue;
            }
            var changes = new List<FieldChange>();
            if (existing.UsdPerUnit != r.UsdPerUnit)
                changes.Add(new FieldChange("usd_per_unit", existing.UsdPerUnit.ToString(CultureInfo.InvariantCulture), r.UsdPerUnit.ToString(CultureInfo.InvariantCulture)));
            if (!string.Equals(existing.Source ?? "", r.Source ?? "", StringComparison.Ordinal)) changes.Add(new FieldChange("source", existing.Source, r.Source));
            plan.Add(new PlannedRow<ExchangeRateRow>(row.Line, row.Key, changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, r, changes) { Target = existing });
        }
        return plan;
    }

    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<ExchangeRateRow>> plan, CancellationToken ct)
    {
        foreach (var row in plan.Where(p => p.Action != ImportAction.Unchanged))
        {
            var rate = row.Target as ExchangeRate ?? db.ExchangeRates.Add(new ExchangeRate { Year = row.Value.Year, Currency = row.Value.Currency }).Entity;
            rate.UsdPerUnit = row.Value.UsdPerUnit;
            rate.Source = row.Value.Source;
        }
        await db.SaveChangesAsync(ct);
    }

    public override ImportRowSummary Describe(PlannedRow<ExchangeRateRow> row) =>
        new(row.Value.Year.ToString(CultureInfo.InvariantCulture), $"{row.Value.Currency} = {row.Value.UsdPerUnit.ToString(CultureInfo.InvariantCulture)} USD");
}
