using System.Security.Claims;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Common.Security;

/// <summary>Ends a session the moment the account changes. Cookies and bearer tokens carry the user's
/// clearance and roles as claims and are otherwise only checked for their signature and age, so a
/// lowered clearance, a lock, a role change or a sign-out would not reach them. Every change of that
/// kind renews the account's security stamp; this check compares the stamp in the credential with
/// the stored one on every authenticated request (one primary-key read, no cache: another instance
/// may have made the change a moment ago) and treats a stale, locked or deleted account as anonymous.
/// The authorization layer then answers 401 to the API and sends pages to the sign-in page.</summary>
public sealed class SessionCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ChanceryDbContext db, IOptions<IdentityOptions> options, TimeProvider clock)
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context.User, db, options.Value.ClaimsIdentity, clock, context.RequestAborted))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            // A replayed or stale cookie is of no further use: tell the browser to drop it.
            if (context.Request.Cookies.ContainsKey(CookieName)) context.Response.Cookies.Delete(CookieName);
        }
        await next(context);
    }

    /// <summary>The application cookie's name (set where the cookie is configured).</summary>
    public const string CookieName = "chancery.auth";

    private static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, ChanceryDbContext db, ClaimsIdentityOptions claims, TimeProvider clock, CancellationToken ct)
    {
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        // Every principal Identity issues carries both claims; one without them was not issued here.
        if (id is null || stamp is null) return false;
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        return stored is not null
            && string.Equals(stored.SecurityStamp, stamp, StringComparison.Ordinal)
            && (stored.LockoutEnd is null || stored.LockoutEnd <= clock.GetUtcNow());
    }
}
