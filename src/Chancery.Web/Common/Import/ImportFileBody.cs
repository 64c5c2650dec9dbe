using Microsoft.OpenApi;

namespace Chancery.Web.Common.Import;

/// <summary>Marks an import endpoint, whose handler reads the request itself (<see cref="ImportHttp"/>):
/// the OpenAPI document then describes the three bodies it accepts (a multipart field <c>file</c>, a
/// <c>text/csv</c> body, an XLSX body) and the refusals before reading (400 no file, 413 too large), so a
/// generated client can send a file.</summary>
public sealed class ImportFileBody
{
    public static OpenApiRequestBody Describe() => new()
    {
        Required = true,
        Description = "The file: a multipart/form-data field named 'file' (CSV or XLSX), or the file itself as the body.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    },
                },
            },
            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            [TabularFileWriter.XlsxContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
        },
    };
}

public static class ImportEndpointConventions
{
    /// <summary>An import endpoint: it takes a file (described as such in the OpenAPI document) and answers
    /// 400 when the multipart form has no file and 413 when the file is over the limit. Cookie-signed
    /// writes are checked by CookieApiWrites, so the form antiforgery of minimal APIs is not needed.</summary>
    public static RouteHandlerBuilder AcceptsImportFile(this RouteHandlerBuilder builder) => builder
        .DisableAntiforgery()
        .WithMetadata(new ImportFileBody())
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
