using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Directives.Importing;

public sealed record DirectiveImportRow(string Id, string? Number, DateOnly Date, string Issuer, string Title, string? Text,
    ClassificationLevel? Classification, string? Source);

/// <summary>directives.csv (DOMAIN): <c>id, number, date, issuer, title, text, classification, source</c>,
/// keyed by <c>id</c> (kept as the directive's reference), so a file imported twice changes nothing.</summary>
public sealed class DirectiveImportDefinition(ChanceryDbContext db, IStringLocalizer<SharedText> shared) : WholeFileImportDefinition<DirectiveImportRow>
{
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("id", Required: true, Example: "ktl-2025-01"), new("number", Example: "12/TB-VPCP"), new("date", Required: true, Example: "2025-01-06"),
        new("issuer", Required: true, Example: "Thủ tướng Chính phủ"), new("title", Required: true, Example: "Kết luận tại Hội nghị Ngoại giao"),
        new("text", Example: "Ngoại giao phải phục vụ hiệu quả mục tiêu tăng trưởng từ 8% trở lên."), new("classification", Example: "internal"),
        new("source", Example: "https://vov.vn/"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override DirectiveImportRow? Parse(ImportRowReader row)
    {
        var id = row.Required("id");
        var date = row.Date("date", true);
        var classification = row.Code<ClassificationLevel>("classification", false, ClassificationLevels.TryParse, ClassificationLevels.Codes);
        return new DirectiveImportRow(id, row.Optional("number"), date ?? default, row.Required("issuer"), row.Required("title"), row.Optional("text"),
            classification, row.Optional("source"));
    }

    public override string KeyOf(DirectiveImportRow row) => row.Id;

    public override async Task<IReadOnlyList<PlannedRow<DirectiveImportRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<DirectiveImportRow>> rows, ImportProblems problems, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Value.Id).ToList();
        // Matched without the filter: a row naming a directive the importer cannot see is refused, not duplicated.
        var stored = await db.Directives.IgnoreQueryFilters().Where(d => EF.Parameter(ids).Contains(d.ExternalRef)).ToDictionaryAsync(d => d.ExternalRef, ct);
        var plan = new List<PlannedRow<DirectiveImportRow>>();
        foreach (var row in rows)
        {
            stored.TryGetValue(row.Value.Id, out var existing);
            if (existing is not null && existing.Classification > db.Clearance)
            {
                problems.Add(row.Line, "id", ImportReasons.Unavailable());
                continue;
            }
            var level = problems.Classification(row.Line, row.Value.Classification, db.Clearance, existing?.Classification, ClassificationLevel.Internal);
            if (level is null || row.Flawed) continue;
            var value = row.Value with { Classification = level };
            if (existing is null)
            {
                plan.Add(new PlannedRow<DirectiveImportRow>(row.Line, row.Key, ImportAction.Create, value, []));
                continue;
            }
            var diff = new ImportDiff();
            diff.Compare("number", existing.Number, value.Number);
            diff.Compare("date", IsoDate.Format(existing.Date), IsoDate.Format(value.Date));
            diff.Compare("issuer", existing.Issuer, value.Issuer);
            diff.Compare("title", existing.Title, value.Title);
            diff.Compare("text", existing.Text, value.Text);
            diff.Compare("classification", existing.Classification.ToCode(), level.Value.ToCode());
            diff.Compare("source", existing.Source, value.Source);
            plan.Add(new PlannedRow<DirectiveImportRow>(row.Line, row.Key, diff.Action, value, diff.Changes) { Target = existing });
        }
        return plan;
    }

    public override ImportRowSummary Describe(PlannedRow<DirectiveImportRow> row) => new(IsoDate.Format(row.Value.Date), row.Value.Title);

    public override Task<IReadOnlyList<ImportCodeList>> AllowedCodesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<ImportCodeList>>(
        [new("classification", [.. ClassificationLevels.Codes.Select(c => new ImportCode(c, shared["Class_" + c]))])]);

    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<DirectiveImportRow>> plan, CancellationToken ct)
    {
        foreach (var row in plan.Where(r => r.Action != ImportAction.Unchanged))
        {
            var d = (Directive?)row.Target ?? db.Directives.Add(new Directive { ExternalRef = row.Value.Id, Issuer = "", Title = "" }).Entity;
            d.Number = row.Value.Number;
            d.Date = row.Value.Date;
            d.Issuer = row.Value.Issuer;
            d.Title = row.Value.Title;
            d.Text = row.Value.Text;
            d.Source = row.Value.Source;
            d.Classification = row.Value.Classification!.Value;
        }
        await db.SaveChangesAsync(ct);
    }
}
