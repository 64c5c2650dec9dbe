using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Common.Audit;

/// <summary>The filtered trail as a file for people to read: one row per entry, in the document's
/// language, with the record named as the page names it and each change as "field: before → after".</summary>
public static class AuditExport
{
    public static IReadOnlyList<string> Headers(IStringLocalizer<SharedText> t) =>
        [t["When"], t["User"], t["Action"], t["Type"], t["Record"], t["Code"], t["Changes"], t["Classification"]];

    public static async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(
        IAsyncEnumerable<AuditLine> lines, IStringLocalizer<SharedText> t)
    {
        await foreach (var line in lines)
            yield return
            [
                Formats.DateTime(line.At), line.UserText, t[line.Action.ToString()], line.TypeLabel,
                line.Subject?.Name ?? "", line.EntityKey, Changes(line), t["Class_" + line.Classification.ToCode()],
            ];
    }

    private static string Changes(AuditLine line) => string.Join("\n", line.Changes.Select(c =>
        $"{c.Label}: {c.Before ?? "—"} → {c.After ?? "—"}"));
}
