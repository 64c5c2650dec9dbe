using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Chancery.Web.Common.Writing;

/// <summary>The body of a 409: a ProblemDetails carrying the record as it is stored now and its
/// version, so a client can show what changed and retry from there.</summary>
public sealed record ConflictBody<T>(string Type, string Title, int Status, string Detail, T Current, int? CurrentVersion, string? Instance)
    where T : class;

/// <summary>409 as <c>application/problem+json</c>, typed so the OpenAPI document describes the stored
/// record it carries (a plain ProblemHttpResult would leave generated clients guessing).</summary>
public sealed class ConflictProblem<T>(ConflictBody<T> body) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult
    where T : class
{
    public ConflictBody<T> Body { get; } = body;
    public int? StatusCode => StatusCodes.Status409Conflict;
    object? IValueHttpResult.Value => Body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return httpContext.Response.WriteAsJsonAsync(Body with { Instance = httpContext.Request.Path }, options: null, contentType: "application/problem+json");
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status409Conflict, typeof(ConflictBody<T>), ["application/problem+json"]));
}
