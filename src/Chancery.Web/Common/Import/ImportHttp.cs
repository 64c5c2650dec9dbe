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
        var outcome = await pipeline.RunAsync(definition, file!, dryRun, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome) : TypedResults.UnprocessableEntity(outcome);
    }

    public static async Task<(ImportFile? File, ProblemHttpResult? Problem)> ReadFileAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit + 1024 * 1024;
        if (request.ContentLength > limit + 1024 * 1024) return (null, TooLarge(limit));
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + 1024 * 1024 }, ct);
                var formFile = form.Files.GetFile("file");
                if (formFile is null)
                    return (null, TypedResults.Problem("Send the file as the multipart field 'file'.", statusCode: StatusCodes.Status400BadRequest, title: "No file"));
                if (formFile.Length > limit) return (null, TooLarge(limit));
                await using var stream = formFile.OpenReadStream();
                var bytes = await ReadBoundedAsync(stream, formFile.Length, limit, ct);
                if (bytes is null) return (null, TooLarge(limit));
                return (new ImportFile(formFile.FileName, ImportFile.FormatOf(formFile.FileName, formFile.ContentType), bytes), null);
            }
            var body = await ReadBoundedAsync(request.Body, request.ContentLength, limit, ct);
            if (body is null) return (null, TooLarge(limit));
            return (new ImportFile("body", ImportFile.FormatOf(null, request.ContentType), body), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge(limit));
        }
    }

    /// <summary>The stream's bytes, or null past the limit. When the length is known (Content-Length,
    /// which the server holds the body to, or an uploaded part's size) the bytes go straight into one
    /// array of that size: a growing buffer and its final copy would hold a large file up to three
    /// times over while it arrives.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, long? length, long limit, CancellationToken ct)
    {
        if (length is { } known and > 0 and <= int.MaxValue && known <= limit)
        {
            var bytes = new byte[known];
            var filled = 0;
            int read;
            while (filled < bytes.Length && (read = await stream.ReadAsync(bytes.AsMemory(filled), ct)) > 0) filled += read;
            return filled == bytes.Length ? bytes : bytes[..filled];
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while ((count = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + count > limit) return null;
            buffer.Write(chunk, 0, count);
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        $"The file is larger than the {limit / (1024 * 1024)} MB an import accepts. Split it into smaller files; nothing was stored.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");
}
