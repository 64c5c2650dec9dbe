using Chancery.Web.Common.Documents;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Commitments;

/// <summary>A delivery's evidence file: uploaded (API: multipart field <c>file</c>; the commitment page's form:
/// the same field, answered by a redirect back to the page) and downloaded.</summary>
public static class DeliveryAttachmentEndpoints
{
    private const string Route = "/commitments/{id:int}/deliveries/{deliveryId:int}/attachment";

    public static RouteGroupBuilder MapDeliveryAttachmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(Route, Download).WithTags("Commitments")
            .WithSummary("The delivery's evidence file, for whoever may see the commitment (404 otherwise, as for the commitment); every download is audited.");
        api.MapPost(Route, Upload).WithTags("Commitments").RequireAuthorization(Policies.Edit).DisableAntiforgery()
            .WithSummary("Attaches the delivery's evidence as multipart field 'file' (replacing the one before): PDF or DOCX, its content checked "
                + "against its type (an executable is refused), at most Documents:MaxBytes (25 MiB by default: 413 beyond).");
        return api;
    }

    /// <summary>The commitment page's upload form (antiforgery checked), answered by a redirect back to the page.</summary>
    public static void MapDeliveryAttachmentForm(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, async (int id, int deliveryId, HttpContext context, DeliveryAttachments attachments, IAntiforgery antiforgery,
            IOptions<DocumentOptions> options, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            var (upload, tooLarge) = await ReceiveAsync(id, deliveryId, context.Request, attachments, options.Value.MaxBytes, ct);
            if (tooLarge) return Results.Redirect($"/commitments/{id}?attachment={DocumentErrors.TooLarge}#deliveries");
            if (!upload!.DeliveryFound) return Results.NotFound();
            var problem = upload.Problems?.All.FirstOrDefault();
            return Results.Redirect(problem is null ? $"/commitments/{id}?attached=1#deliveries" : $"/commitments/{id}?attachment={problem.Code}#deliveries");
        }).RequireAuthorization(Policies.Edit).DisableAntiforgery();

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(int id, int deliveryId, DeliveryAttachments attachments, CancellationToken ct) =>
        await attachments.OpenAsync(id, deliveryId, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Created<DeliveryAttachmentDto>, NotFound, ValidationProblem, ProblemHttpResult>> Upload(
        int id, int deliveryId, HttpRequest request, DeliveryAttachments attachments, ErrorWords words, IOptions<DocumentOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBytes;
        var (upload, tooLarge) = await ReceiveAsync(id, deliveryId, request, attachments, limit, ct);
        if (tooLarge || upload!.Problems?.All.Any(p => p.Code == DocumentErrors.TooLarge) == true)
            return TypedResults.Problem(words.Word(DocumentErrors.TooLarge, [limit / (1024 * 1024)]), statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: new Dictionary<string, object?> { ["code"] = DocumentErrors.TooLarge });
        if (!upload.DeliveryFound) return TypedResults.NotFound();
        if (upload.Problems is { Any: true } problems) return WriteResults.Invalid(problems, words);
        return TypedResults.Created(DeliveryAttachmentDto.DownloadUrl(id, deliveryId), upload.Attachment!);
    }

    private static Task<(DeliveryAttachments.Upload? Upload, bool TooLarge)> ReceiveAsync(
        int id, int deliveryId, HttpRequest request, DeliveryAttachments attachments, long limit, CancellationToken ct) =>
        DocumentUpload.ReceiveAsync(request, limit, (stream, name, type, _) => attachments.AttachAsync(id, deliveryId, stream, name, type, ct), ct);
}
