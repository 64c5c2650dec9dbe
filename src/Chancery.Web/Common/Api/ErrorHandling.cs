using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Api;

/// <summary>Every error leaves as ProblemDetails. Unhandled exceptions are logged and answered
/// without internals; a lost optimistic-concurrency race becomes 409.</summary>
public static class ErrorHandling
{
    public static IServiceCollection AddChanceryProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ConcurrencyExceptionHandler>();
        return services;
    }

    private sealed class ConcurrencyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            if (exception is not DbUpdateConcurrencyException) return false;
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Edit conflict",
                    Detail = "Someone else saved this record after you opened it. Reload it, review the changes and try again.",
                },
            });
        }
    }
}
