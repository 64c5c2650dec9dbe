using Microsoft.AspNetCore.Http.Features;

namespace Chancery.Web.Common.Documents;

/// <summary>One file of a multipart request, as the modules' upload endpoints receive it: read within the
/// document limit (plus room for the form's other fields), the field <c>file</c> (none when the form was
/// sent without a file chosen) and the form itself for the module's other fields.</summary>
public static class DocumentUpload
{
    /// <summary>Hands the file (or none) to <paramref name="handle"/>; tooLarge, without calling it, when
    /// the body itself is over the limit.</summary>
    public static async Task<(T? Result, bool TooLarge)> ReceiveAsync<T>(HttpRequest request, long limit,
        Func<Stream?, string?, string?, IFormCollection?, Task<T>> handle, CancellationToken ct) where T : class
    {
        var slack = 1024 * 1024;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + slack;
        if (request.ContentLength > limit + slack) return (null, true);
        if (!request.HasFormContentType) return (await handle(null, null, null, null), false);
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + slack }, ct);
            var file = form.Files.GetFile("file");
            if (file is { Length: 0 } && string.IsNullOrEmpty(file.FileName)) file = null; // a form sent with no file chosen
            await using var stream = file?.OpenReadStream();
            return (await handle(stream, file?.FileName, file?.ContentType, form), false);
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
