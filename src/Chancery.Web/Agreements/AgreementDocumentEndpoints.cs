using Chancery.Web.Common.Documents;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Agreements;

/// <summary>An agreement's files: uploaded (API: multipart field <c>file</c> and <c>kind</c>; the page's
/// form: the same fields, answered by a redirect back to the page), listed and downloaded.</summary>
public static class AgreementDocumentEndpoints
{
    public static RouteGroupBuilder MapAgreementDocumentEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/agreements/{id:int}/documents").WithTags("Agreements");
        documents.MapGet("/", List);
        documents.MapGet("/{documentId:int}", Download)
            .WithSummary("The file, for whoever may see the agreement (404 otherwise, as for the agreement); every download is audited.");
        documents.MapPost("/", Upload).RequireAuthorization(Policies.Edit).DisableAntiforgery()
            .WithSummary("Uploads the signed text (kind=signed_text) or an annex (kind=annex) as multipart field 'file': PDF or DOCX, "
                + "its content checked against its type (an executable is refused), at most Documents:MaxBytes (25 MiB by default: 413 beyond).");
        return api;
    }

    /// <summary>The agreement page's upload form (antiforgery checked), answered by a redirect back to the page.</summary>
    public static void MapAgreementDocumentForm(this IEndpointRouteBuilder app) =>
        app.MapPost("/agreements/{id:int}/documents", async (int id, HttpContext context, AgreementDocuments documents, IAntiforgery antiforgery,
            IOptions<DocumentOptions> options, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            var (upload, tooLarge) = await ReceiveAsync(id, context.Request, documents, options.Value.MaxBytes, ct);
            if (tooLarge) return Results.Redirect($"/agreements/{id}?document={DocumentErrors.TooLarge}#documents");
            if (!upload!.AgreementFound) return Results.NotFound();
            var problem = upload.Problems?.All.FirstOrDefault();
            return Results.Redirect(problem is null ? $"/agreements/{id}?uploaded=1#documents" : $"/agreements/{id}?document={problem.Code}#documents");
        }).RequireAuthorization(Policies.Edit).DisableAntiforgery().ExcludeFromDescription(); // a page's form, not the API

    private static async Task<Results<Ok<List<AgreementDocumentDto>>, NotFound>> List(int id, AgreementQueries queries, AgreementDocuments documents, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await documents.ListAsync(id, ct));

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(int id, int documentId, AgreementDocuments documents, CancellationToken ct) =>
        await documents.OpenAsync(id, documentId, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Created<AgreementDocumentDto>, NotFound, ValidationProblem, ProblemHttpResult>> Upload(
        int id, HttpRequest request, AgreementDocuments documents, ErrorWords words, IOptions<DocumentOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBytes;
        var (upload, tooLarge) = await ReceiveAsync(id, request, documents, limit, ct);
        if (tooLarge || upload!.Problems?.All.Any(p => p.Code == DocumentErrors.TooLarge) == true)
            return TypedResults.Problem(words.Word(DocumentErrors.TooLarge, [limit / (1024 * 1024)]), statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: new Dictionary<string, object?> { ["code"] = DocumentErrors.TooLarge });
        if (!upload.AgreementFound) return TypedResults.NotFound();
        if (upload.Problems is { Any: true } problems) return WriteResults.Invalid(problems, words);
        return TypedResults.Created($"/api/v1/agreements/{id}/documents/{upload.Document!.Id}", upload.Document);
    }

    /// <summary>Reads the multipart form within the limit (<see cref="DocumentUpload"/>) and hands the file to
    /// <see cref="AgreementDocuments"/>; tooLarge when the body itself is over it.</summary>
    private static Task<(AgreementDocuments.Upload? Upload, bool TooLarge)> ReceiveAsync(
        int id, HttpRequest request, AgreementDocuments documents, long limit, CancellationToken ct) =>
        DocumentUpload.ReceiveAsync(request, limit, (stream, name, type, form) =>
            documents.UploadAsync(id, form is null ? null : (string?)form["kind"], stream, name, type, ct), ct);
}
