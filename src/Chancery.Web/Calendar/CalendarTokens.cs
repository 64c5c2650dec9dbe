using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Calendar;

/// <summary>A user's calendar-feed address. Calendar programs cannot sign in, so the address carries a
/// personal access token of scope <c>calendar</c> (which opens the feed and nothing else): stored only as
/// a hash, so the address is shown once, when it is made; a new one revokes the user's earlier calendar
/// tokens. It ends like any token: revoked, expired (a year), or its account locked or changed.</summary>
public sealed class CalendarTokens(ChanceryDbContext db, PersonalAccessTokens tokens, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The name the token carries in the user's list of tokens.</summary>
    public const string TokenName = "Calendar feed";
    public static readonly TimeSpan Life = TimeSpan.FromDays(365);

    /// <summary>The feed's address; <paramref name="culture"/> (vi or en) fixes the language its events are
    /// worded in. Vietnamese, the default, needs no parameter. Built on <see cref="PublicBaseUrl"/>.</summary>
    public string FeedUrl(HttpRequest request, string secret, string? culture = null) =>
        $"{PublicBaseUrl.Of(request, configuration)}/calendar/feed/{secret}.ics"
        + (culture is { } c && c != LocalizationSetup.DefaultCulture && LocalizationSetup.Cultures.Contains(c) ? "?culture=" + c : "");

    /// <summary>The user's calendar token in use (for its dates), or null.</summary>
    public async Task<PersonalAccessToken?> CurrentAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mine = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.Scope == TokenScope.Calendar && t.RevokedAt == null)
            .OrderByDescending(t => t.Id).ToListAsync(ct);
        return mine.FirstOrDefault(t => t.ExpiresAt > now);
    }

    /// <summary>Revokes the user's calendar tokens and makes a new one; answers its secret.</summary>
    public async Task<string> RotateAsync(string userId, CancellationToken ct)
    {
        var old = await db.PersonalAccessTokens.Where(t => t.UserId == userId && t.Scope == TokenScope.Calendar && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in old) await tokens.RevokeAsync(token, userId, ct);
        var (_, secret) = await tokens.IssueAsync(userId, TokenName, TokenScope.Calendar, clock.GetUtcNow().Add(Life), ct);
        return secret;
    }

    /// <summary>The user a feed address's token belongs to while it is usable; null for anything else.</summary>
    public async Task<string?> UserOfAsync(string secret, CancellationToken ct) =>
        await tokens.FindUsableAsync(secret, ct) is { Scope: TokenScope.Calendar } token ? token.UserId : null;
}
