using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chancery.Web.Common.Concurrency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Chancery.Web.Common.Api;

/// <summary>Conditional requests on every API endpoint, so a client can re-read cheaply and update safely:
/// <list type="bullet">
/// <item>a GET answered with a record or a list carries an ETag (a hash of the answer; for a versioned
/// record prefixed with its version, <c>"7-…"</c>); <c>If-None-Match</c> with that tag answers 304 with no
/// body. Answers are per reader (clearance), so they are <c>private</c> to the caller's cache.</item>
/// <item>a PUT or DELETE may send <c>If-Match</c> with a record's ETag instead of the version field: its
/// version part is the version the edit started from (a stale one answers 409 as usual).</item>
/// </list></summary>
public sealed class ConditionalRequests(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if ((HttpMethods.IsPut(method) || HttpMethods.IsDelete(method)) && IfMatchVersion(http) is { } version)
            ApplyVersion(context, version);
        var result = await next(context);
        if (!HttpMethods.IsGet(method)) return result;

        byte[] body;
        string contentType;
        string prefix = "";
        // Results<A, B> wraps the answer the handler chose.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        switch (answer)
        {
            case IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: null or StatusCodes.Status200OK }
                and not IContentTypeHttpResult:
                body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
                contentType = "application/json; charset=utf-8";
                if (value is IVersionedRecord record) prefix = record.Version + "-";
                break;
            case ContentHttpResult { StatusCode: null or StatusCodes.Status200OK, ResponseContent: { } text } content:
                body = Encoding.UTF8.GetBytes(text);
                contentType = content.ContentType ?? "text/plain; charset=utf-8";
                break;
            default:
                return result;
        }
        var tag = $"\"{prefix}{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (Matches(http.Request.Headers.IfNoneMatch, tag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, contentType);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string tag) =>
        EntityTagHeaderValue.TryParseList(header, out var tags) &&
        tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(tag), useStrongComparison: false));

    /// <summary>The version in <c>If-Match: "7-…"</c> (or <c>"7"</c>); null when absent or not ours.</summary>
    private static int? IfMatchVersion(HttpContext http)
    {
        if (!EntityTagHeaderValue.TryParseList(http.Request.Headers.IfMatch, out var tags) || tags.Count != 1) return null;
        var text = tags[0].Tag.Value?.Trim('"') ?? "";
        var dash = text.IndexOf('-');
        return int.TryParse(dash < 0 ? text : text[..dash], out var version) ? version : null;
    }

    /// <summary>Puts the If-Match version where the handler reads it: an update's body
    /// (<see cref="IVersionedRequest"/>), or a delete's <c>version</c> query parameter.</summary>
    private static void ApplyVersion(EndpointFilterInvocationContext context, int version)
    {
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is IVersionedRequest request)
            {
                context.Arguments[i] = request.WithVersion(version);
                return;
            }
        }
        // A DELETE has no body: its version is the query parameter named version.
        if (!HttpMethods.IsDelete(context.HttpContext.Request.Method)) return;
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        for (var i = 0; i < context.Arguments.Count && i < parameters.Length; i++)
        {
            if (string.Equals(parameters[i].Name, "version", StringComparison.OrdinalIgnoreCase) && parameters[i].ParameterType == typeof(int?))
            {
                context.Arguments[i] = version;
                return;
            }
        }
    }
}
