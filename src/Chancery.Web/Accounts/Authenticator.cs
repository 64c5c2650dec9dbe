using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Chancery.Web.Accounts;

/// <summary>An account's authenticator (TOTP, RFC 6238) through Identity's own support: the shared key
/// kept by Identity's user store, codes checked by the authenticator token provider Identity is given
/// (<see cref="OneUseAuthenticatorCodes"/>: the current 30-second step and two either side, each code
/// once), recovery codes by Identity too. What this adds: the key shown
/// for typing and as a QR code, enabling only after a code proves the app holds the key, and the audit
/// entries.</summary>
public sealed class Authenticator(UserManager<ChanceryUser> users, IUserStore<ChanceryUser> store, ChanceryDbContext db, TimeProvider clock,
    PersonalAccessTokens tokens)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Chancery";

    /// <summary>The account's shared key, made the first time it is asked for (and kept until it is
    /// confirmed or reset, so reloading the page does not change what the app scanned). Made through the
    /// store rather than <c>ResetAuthenticatorKeyAsync</c>, which would renew the security stamp and end
    /// the session of the user looking at the page: nothing about their access has changed yet.</summary>
    public async Task<string> KeyAsync(ChanceryUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key)) return key;
        key = users.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<ChanceryUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        await users.UpdateAsync(user);
        return key;
    }

    /// <summary>The key in groups of four, as people type it into an app.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    public static string OtpAuthUri(ChanceryUser user, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}"
        + $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The URI as a QR code, a PNG in a data: address (the CSP allows data: images; no script draws it).</summary>
    public static string QrDataUrl(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    /// <summary>Spaces and dashes people type between digits do not count.</summary>
    public static string Compact(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>A recovery code as Identity stores it (<c>XXXXX-XXXXX</c>, upper case), however it was typed.</summary>
    public static string RecoveryForm(string? typed)
    {
        var compact = Compact(typed).ToUpperInvariant();
        return compact.Length == 10 ? compact[..5] + "-" + compact[5..] : compact;
    }

    /// <summary>Checks a code from the app, or redeems a recovery code (which then stops working).</summary>
    public async Task<bool> VerifyAsync(ChanceryUser user, SecondFactor factor)
    {
        if (!string.IsNullOrWhiteSpace(factor.Code))
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Compact(factor.Code));
        if (!string.IsNullOrWhiteSpace(factor.RecoveryCode))
            return (await users.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryForm(factor.RecoveryCode))).Succeeded;
        return false;
    }

    /// <summary>Turns the authenticator on once <paramref name="code"/> shows the app holds the key; answers
    /// the recovery codes (shown once, never again), or null for a wrong code. Enabling renews the
    /// security stamp, so the account's other sessions end.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ChanceryUser user, string? code)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Compact(code)))
            return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        // The enrolment code, if the account had one, has served (one use).
        await users.RemoveAuthenticationTokenAsync(user, EnrolmentCodes.TokenProvider, EnrolmentCodes.TokenName);
        var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await AuditEvents.RecordAsync(db, clock, AuditAction.AuthenticatorEnrolled, AuditEvents.UserType, user.Id,
            new Dictionary<string, string?> { ["Email"] = user.Email }, ClassificationLevel.Public, CancellationToken.None, (user.Id, user.Email));
        return recovery;
    }

    /// <summary>Forgets the account's authenticator (lost phone): a new key, no recovery codes, two-factor
    /// off until the owner sets it up again (which the next sign-in demands from confidential up).
    /// Ends every way in the account had: the security stamp is renewed (every session and bearer token
    /// ends) and every personal access token is revoked by <paramref name="resetBy"/> (a token does not
    /// carry the stamp, and whoever holds the lost phone may hold one made with it). The reset's audit
    /// entry says how many tokens it revoked; each revocation is an entry of its own.</summary>
    public async Task ResetAsync(ChanceryUser user, string? resetBy, CancellationToken ct)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        var revoked = await tokens.RevokeAllAsync(user.Id, resetBy, ct);
        await AuditEvents.RecordAsync(db, clock, AuditAction.AuthenticatorReset, AuditEvents.UserType, user.Id,
            new Dictionary<string, string?> { ["Email"] = user.Email, ["TokensRevoked"] = revoked.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ClassificationLevel.Public, ct);
    }
}
