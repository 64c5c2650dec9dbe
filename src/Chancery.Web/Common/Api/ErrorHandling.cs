using System.Globalization;
using Chancery.Web.Common.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Api;

/// <summary>Every error leaves as ProblemDetails. Unhandled exceptions are logged and answered
/// without internals; a lost optimistic-concurrency race becomes 409; a database that cannot take the
/// request now (<see cref="DatabaseBusy"/>) becomes 503 with Retry-After, on the API and on pages.</summary>
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
        services.AddExceptionHandler<DatabaseBusyExceptionHandler>();
        // A busy database under overload is expected, not a fault: no stack trace per request (thousands
        // of them would take the CPU the instance needs to recover); the handler logs one warning line.
        services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = c => DatabaseBusy.Is(c.Exception));
        return services;
    }

    /// <summary>The error page for browsers. Written directly rather than re-executing a Razor page,
    /// because re-execution keeps the request's method and a failed form POST would find no page.</summary>
    public static async Task WritePageErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is not null && UnreadableQueryValue.Is(error))
        {
            await WriteBadAddressAsync(context, error);
            return;
        }
        if (DatabaseBusy.Is(error))
        {
            await WriteBusyPageAsync(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        var trace = System.Net.WebUtility.HtmlEncode(System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier);
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Chancery</title>
            <link rel="stylesheet" href="/css/app.css"></head><body><main>
            <h1>Đã xảy ra lỗi · Something went wrong</h1>
            <p>Lỗi đã được ghi lại. · The error has been logged.</p>
            <p class="muted">Mã tham chiếu · Reference: <code>{{trace}}</code></p>
            <p><a href="/">Trang chủ · Home</a></p></main></body></html>
            """);
    }

    /// <summary>Page options that keep a reader's mistyped address out of the error log: it is answered 400.</summary>
    public static ExceptionHandlerOptions PageErrorOptions() => new()
    {
        ExceptionHandler = WritePageErrorAsync,
        SuppressDiagnosticsCallback = c => UnreadableQueryValue.Is(c.Exception) || DatabaseBusy.Is(c.Exception),
    };

    private static async Task WriteBusyPageAsync(HttpContext context)
    {
        LogBusy(context);
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        static string Html(string s) => PageText.Encode(s);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html><html lang="{{Html(culture.TwoLetterISOLanguageName)}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>Chancery</title>
            <link rel="stylesheet" href="/css/app.css"></head><body><main>
            <h1>{{Html(text["BusyTitle"])}}</h1>
            <p>{{Html(text["BusyDetail", DatabaseBusy.RetryAfterSeconds])}}</p>
            <p><a href="{{Html(context.Request.Path + context.Request.QueryString)}}">{{Html(text["BusyRetry"])}}</a> · <a href="/">{{Html(text["BadAddressHome"])}}</a></p>
            </main></body></html>
            """);
    }

    private static void LogBusy(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseBusy))
            .LogWarning("The database could not take {Method} {Path} now; answered 503", context.Request.Method, context.Request.Path);

    private static async Task WriteBadAddressAsync(HttpContext context, Exception error)
    {
        // The localisation middleware ran inside the failed request; its choice is kept on the context.
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        var (value, parameter) = UnreadableQueryValue.Describe(error);
        // Vietnamese letters stay letters (WebUtility would write ô as &#244;).
        static string Html(string s) => PageText.Encode(s);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html><html lang="{{Html(culture.TwoLetterISOLanguageName)}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>Chancery</title>
            <link rel="stylesheet" href="/css/app.css"></head><body><main>
            <h1>{{Html(text["BadAddressTitle"])}}</h1>
            <p>{{Html(text["BadAddressDetail", value, parameter])}}</p>
            <p><a href="{{Html(context.Request.Path)}}">{{Html(context.Request.Path)}}</a> · <a href="/">{{Html(text["BadAddressHome"])}}</a></p>
            </main></body></html>
            """);
    }

    private static readonly System.Text.Encodings.Web.HtmlEncoder PageText =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

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

    private sealed class DatabaseBusyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            // Pages answer with the busy page (WritePageErrorAsync), which runs when no handler took it.
            if (!DatabaseBusy.Is(exception) || !context.Request.Path.StartsWithSegments("/api")) return false;
            LogBusy(context);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service busy",
                    Detail = $"The database cannot take this request now. Try again in {DatabaseBusy.RetryAfterSeconds} seconds.",
                },
            });
        }
    }
}
