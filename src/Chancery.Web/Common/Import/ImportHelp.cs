using Chancery.Web.Common.Api;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Common.Import;

/// <summary>What helps someone fill an import file, for every import at once, from its definition's
/// columns: a template (the header row and the example row; in XLSX a second sheet of the allowed
/// codes) and the allowed codes of each coded column, both in the reader's language (documents:
/// <c>culture=</c>, Vietnamese by default, as <see cref="DocumentCulture"/>).</summary>
public static class ImportHelp
{
    /// <summary>Maps GET {group}/import/template?format=csv|xlsx and GET {group}/import/codes?format=json|csv|xlsx.</summary>
    public static RouteGroupBuilder MapImportHelp<TDefinition, TRow>(this RouteGroupBuilder group, string name)
        where TDefinition : ImportDefinition<TRow> where TRow : class
    {
        group.MapGet("/import/template", async Task<Results<FileContentHttpResult, ValidationProblem>> (
                string? format, string? culture, HttpContext context, ErrorWords words,
                IStringLocalizer<SharedText> text, CancellationToken ct) =>
            {
                // Resolved here rather than bound: the route analyzers cannot follow a generic parameter.
                var definition = context.RequestServices.GetRequiredService<TDefinition>();
                var problems = new Problems();
                if (TabularExport.Format(format, problems) is not { } kind) return WriteResults.Invalid(problems, words);
                DocumentCulture.Apply(culture);
                return Template(definition.Columns, kind, name, await definition.AllowedCodesAsync(ct), text);
            })
            .Produces(StatusCodes.Status200OK, typeof(byte[]), TabularFileWriter.CsvContentType, TabularFileWriter.XlsxContentType)
            .WithSummary($"A template for the {name} import: the header row and an example row that imports as it is (format=csv or xlsx; xlsx adds a sheet of the allowed codes; culture=vi|en).");
        group.MapGet("/import/codes", async Task<Results<Ok<IReadOnlyList<ImportCodeList>>, FileContentHttpResult, ValidationProblem>> (
                string? format, string? culture, HttpContext context, ErrorWords words,
                IStringLocalizer<SharedText> text, CancellationToken ct) =>
            {
                // Resolved here rather than bound: the route analyzers cannot follow a generic parameter.
                var definition = context.RequestServices.GetRequiredService<TDefinition>();
                var json = string.IsNullOrWhiteSpace(format) || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
                var problems = new Problems();
                var kind = json ? TabularFormat.Csv : TabularExport.Format(format, problems);
                if (kind is null)
                {
                    problems = new Problems();
                    problems.Add("format", ErrorCodes.OneOf, "json, csv, xlsx");
                    return WriteResults.Invalid(problems, words);
                }
                DocumentCulture.Apply(culture);
                var codes = await definition.AllowedCodesAsync(ct);
                if (json) return TypedResults.Ok(codes);
                var (headers, rows) = CodeRows(codes, text);
                return kind == TabularFormat.Xlsx
                    ? TypedResults.File(TabularFileWriter.Xlsx(text["CodesSheet"], headers, rows), TabularFileWriter.XlsxContentType, $"{name}-codes.xlsx")
                    : TypedResults.File(TabularFileWriter.Csv(headers, rows), TabularFileWriter.CsvContentType, $"{name}-codes.csv");
            })
            .Produces(StatusCodes.Status200OK, typeof(IReadOnlyList<ImportCodeList>), "application/json", TabularFileWriter.CsvContentType, TabularFileWriter.XlsxContentType)
            .WithSummary($"The values each coded column of the {name} import accepts, named in the document's language (format=json, csv or xlsx; culture=vi|en).");
        return group;
    }

    private static FileContentHttpResult Template(IReadOnlyList<ImportColumn> columns, TabularFormat format, string name,
        IReadOnlyList<ImportCodeList> codes, IStringLocalizer<SharedText> text)
    {
        var headers = columns.Select(c => c.Name).ToList();
        IReadOnlyList<string?>[] example = [columns.Select(c => c.Example).ToList()];
        if (format == TabularFormat.Csv)
            return TypedResults.File(TabularFileWriter.Csv(headers, example), TabularFileWriter.CsvContentType, $"{name}-template.csv");
        var (codeHeaders, codeRows) = CodeRows(codes, text);
        return TypedResults.File(TabularFileWriter.Xlsx(new TabularSheet(name, headers, example), new TabularSheet(text["CodesSheet"], codeHeaders, codeRows)),
            TabularFileWriter.XlsxContentType, $"{name}-template.xlsx");
    }

    /// <summary>The codes as a table: column, code, name.</summary>
    private static (IReadOnlyList<string> Headers, List<IReadOnlyList<string?>> Rows) CodeRows(
        IReadOnlyList<ImportCodeList> codes, IStringLocalizer<SharedText> text) =>
        ([text["Column"], text["Code"], text["Name"]],
            [.. codes.SelectMany(list => list.Codes.Select(c => (IReadOnlyList<string?>)[list.Column, c.Code, c.Name]))]);
}
