using Chancery.Web.Common.Documents;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Directives.Attachments;

/// <summary>Files of a task's progress reports: uploaded (API: multipart fields <c>file</c> and
/// <c>progressId</c>; the task page's form: the same fields, answered by a redirect back to the page)
/// and downloaded through the task.</summary>
public static class ProgressDocumentEndpoints
{
    public static RouteGroupBuilder MapProgressDocumentEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/tasks/{id:int}/documents").WithTags("Directives");
        documents.MapGet("/{documentId:int}", Download)
            .WithSummary("A progress report's file, for whoever may see the task (404 otherwise, as for the task); every download is audited.");
        documents.MapPost("/", Upload).RequireAuthorization(Policies.Edit).DisableAntiforgery()
            .WithSummary("Attaches a file to one of the task's progress reports (multipart fields 'file' and 'progressId'): PDF or DOCX, "
                + "its content checked against its type (an executable is refused), at most Documents:MaxBytes (413 beyond). The lead unit's officers only.");
        return api;
    }

    /// <summary>The task page's attach form (antiforgery checked), answered by a redirect back to the page.</summary>
    public static void MapProgressDocumentForm(this IEndpointRouteBuilder app) =>
        app.MapPost("/tasks/{id:int}/documents", async (int id, HttpContext context, ProgressDocuments documents, IAntiforgery antiforgery,
            IOptions<DocumentOptions> options, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            var (upload, tooLarge) = await ReceiveAsync(id, context.Request, documents, options.Value.MaxBytes, ct);
            if (tooLarge) return Results.Redirect($"/tasks/{id}?document={DocumentErrors.TooLarge}#progress");
            if (!upload!.TaskFound) return Results.NotFound();
            var problem = upload.Problems?.All.FirstOrDefault();
            return Results.Redirect(problem is null ? $"/tasks/{id}?saved=document#progress" : $"/tasks/{id}?document={problem.Code}#progress");
        }).RequireAuthorization(Policies.Edit).DisableAntiforgery();

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(int id, int documentId, ProgressDocuments documents, CancellationToken ct) =>
        await documents.OpenAsync(id, documentId, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ProgressDocumentItem>, NotFound, ValidationProblem, ProblemHttpResult>> Upload(
        int id, HttpRequest request, ProgressDocuments documents, ErrorWords words, IOptions<DocumentOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBytes;
        var (upload, tooLarge) = await ReceiveAsync(id, request, documents, limit, ct);
        if (tooLarge || upload!.Problems?.All.Any(p => p.Code == DocumentErrors.TooLarge) == true)
            return TypedResults.Problem(words.Word(DocumentErrors.TooLarge, [limit / (1024 * 1024)]), statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: new Dictionary<string, object?> { ["code"] = DocumentErrors.TooLarge });
        if (!upload.TaskFound) return TypedResults.NotFound();
        if (upload.Problems is { Any: true } problems) return WriteResults.Invalid(problems, words);
        return TypedResults.Created(upload.Document!.Url, upload.Document);
    }

    /// <summary>Reads the multipart form within the limit (plus room for the form's other fields); tooLarge when the body itself is over it.</summary>
    private static async Task<(ProgressDocuments.Upload? Upload, bool TooLarge)> ReceiveAsync(
        int id, HttpRequest request, ProgressDocuments documents, long limit, CancellationToken ct)
    {
        var slack = 1024 * 1024;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + slack;
        if (request.ContentLength > limit + slack) return (null, true);
        if (!request.HasFormContentType) return (await documents.UploadAsync(id, null, null, null, null, ct), false);
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + slack }, ct);
            var file = form.Files.GetFile("file");
            if (file is { Length: 0 } && string.IsNullOrEmpty(file.FileName)) file = null; // a form sent with no file chosen
            int? progressId = int.TryParse(form["progressId"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
            await using var stream = file?.OpenReadStream();
            return (await documents.UploadAsync(id, progressId, stream, file?.FileName, file?.ContentType, ct), false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, true);
        }
        catch (InvalidDataException)
        {
            return (null, true);
        }
    }
}
