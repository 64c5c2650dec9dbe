using System.Security.Cryptography;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Calendar;

/// <summary>The secret in a user's feed address. Calendar clients cannot sign in, so the address is the
/// credential: 32 random bytes, URL-safe; a new one replaces (and so revokes) the old.</summary>
public sealed class CalendarTokens(UserManager<ChanceryUser> users)
{
    public const int TokenBytes = 32;

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>The feed's address; <paramref name="culture"/> (vi or en) fixes the language its events are
    /// worded in. Vietnamese, the default, needs no parameter.</summary>
    public static string FeedUrl(HttpRequest request, string token, string? culture = null) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/calendar/feed/{token}.ics"
        + (culture is { } c && c != Common.Localization.LocalizationSetup.DefaultCulture && Common.Localization.LocalizationSetup.Cultures.Contains(c) ? "?culture=" + c : "");

    /// <summary>The user's token, created on first use.</summary>
    public async Task<string> EnsureAsync(ChanceryUser user)
    {
        if (!string.IsNullOrEmpty(user.CalendarToken)) return user.CalendarToken;
        return await RotateAsync(user);
    }

    public async Task<string> RotateAsync(ChanceryUser user)
    {
        user.CalendarToken = NewToken();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user.CalendarToken;
    }

    /// <summary>The user a token belongs to, or null for an unknown, revoked or malformed token.</summary>
    public async Task<ChanceryUser?> FindAsync(string token, CancellationToken ct)
    {
        // A well-formed token is exactly 43 URL-safe characters; refuse anything else before touching the database.
        if (token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        return await users.Users.SingleOrDefaultAsync(u => u.CalendarToken == token, ct);
    }
}
