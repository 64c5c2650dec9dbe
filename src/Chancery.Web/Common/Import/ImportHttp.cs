using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Common.Import;

public sealed class ImportOptions
{
    public const string Section = "Import";
    /// <summary>Largest file accepted, in bytes (default 32 MiB: about 100,000 activity rows).</summary>
    public long MaxFileBytes { get; set; } = 32L * 1024 * 1024;
    /// <summary>Rows a bulk import (activities) checks and stores at a time: a batch of 10,000
    /// activities with their legs and audit entries is about 10 MB while it is being written.</summary>
    public int BatchRows { get; set; } = 10_000;
}

/// <summary>Turns an HTTP request into an <see cref="ImportFile"/> (multipart field "file", or the
/// body itself as text/csv or XLSX) and an <see cref="ImportOutcome"/> into the API's answer.</summary>
public static class ImportHttp
{
    public static async Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> RunAsync<TRow>(
        HttpRequest request, ImportDefinition<TRow> definition, ImportPipeline pipeline, bool dryRun, CancellationToken ct)
        where TRow : class
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes;
        var (file, problem) = await ReadFileAsync(request, limit, ct);
        if (problem is not null) return problem;
        using var upload = file!;
        // Worded here, at the edge, in the caller's Accept-Language (English by default).
        var words = request.HttpContext.RequestServices.GetRequiredService<ErrorWords>();
        var outcome = (await pipeline.RunAsync(definition, upload, dryRun, ct)).Worded(words);
        return outcome.Succeeded ? TypedResults.Ok(outcome) : TypedResults.UnprocessableEntity(outcome);
    }

    public static async Task<(ImportFile? File, ProblemHttpResult? Problem)> ReadFileAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit + 1024 * 1024;
        if (request.ContentLength > limit + 1024 * 1024) return (null, TooLarge(request, limit));
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + 1024 * 1024 }, ct);
                var formFile = form.Files.GetFile("file");
                if (formFile is null)
                    return (null, Refusal(request, StatusCodes.Status400BadRequest, "NoFileTitle", ImportReasons.NoFileField()));
                if (formFile.Length > limit) return (null, TooLarge(request, limit));
                await using var stream = formFile.OpenReadStream();
                var upload = await ImportFile.SpoolAsync(formFile.FileName, ImportFile.FormatOf(formFile.FileName, formFile.ContentType), stream, limit, ct);
                return upload is null ? (null, TooLarge(request, limit)) : (upload, null);
            }
            // The body goes to a temporary file as it arrives, not into memory: a 100,000-row file is
            // about 21 MB, and the import reads it from there batch by batch.
            var body = await ImportFile.SpoolAsync("body", ImportFile.FormatOf(null, request.ContentType), request.Body, limit, ct);
            return body is null ? (null, TooLarge(request, limit)) : (body, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(request, limit));
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge(request, limit));
        }
    }

    private static ProblemHttpResult TooLarge(HttpRequest request, long limit) => Refusal(
        request, StatusCodes.Status413PayloadTooLarge, "FileTooLargeTitle", ImportReasons.FileTooLarge(limit / (1024 * 1024)));

    /// <summary>A file refused before it is read, worded like the import's problems, with its code.</summary>
    private static ProblemHttpResult Refusal(HttpRequest request, int status, string titleCode, ImportReason reason)
    {
        var words = request.HttpContext.RequestServices.GetRequiredService<ErrorWords>();
        return TypedResults.Problem(words.Word(reason.Code, reason.Args), statusCode: status, title: words.Word(titleCode, []),
            extensions: new Dictionary<string, object?> { ["code"] = reason.Code });
    }
}
