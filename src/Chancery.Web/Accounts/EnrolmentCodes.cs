using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

/// <summary>What an administrator hands over with a new or reset account that must use an authenticator:
/// a random code the enrolment page asks for after the password, so that a password alone (guessed, read
/// over a shoulder, sent by e-mail) cannot set up the authenticator in the owner's place.</summary>
public sealed record IssuedEnrolmentCode(string Code, DateTimeOffset Expires);

/// <summary>Whether an account holds an enrolment code, and whether a typed one is it.</summary>
public enum EnrolmentCodeCheck { Right, Wrong, Expired, None }

/// <summary>One-time enrolment codes. Twelve characters from an alphabet without look-alikes (no 0/O,
/// 1/I), about 60 bits, shown in groups of four. Only a hash is kept, with its expiry
/// (<c>SignIn:EnrolmentCodeDays</c>, 7 by default), as an Identity user token of the account: in the
/// database, so every instance behind the load balancer sees it, and out of the audit trail like the
/// authenticator key and recovery codes. A new code replaces the one before; enabling an authenticator
/// removes it (one use).</summary>
public sealed class EnrolmentCodes(UserManager<ChanceryUser> users, ChanceryDbContext db, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Where the hash lives among Identity's user tokens (login provider, name).</summary>
    public const string TokenProvider = "[Chancery]";
    public const string TokenName = "EnrolmentCode";
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const int Length = 12;

    private TimeSpan Lifetime
    {
        get
        {
            var days = configuration.GetValue("SignIn:EnrolmentCodeDays", 7.0);
            // A nonsense setting falls back to the default rather than making codes that never work (or never end).
            return days is > 0 and <= 365 ? TimeSpan.FromDays(days) : TimeSpan.FromDays(7);
        }
    }

    /// <summary>Makes a new code for <paramref name="user"/> (the old one stops working) and audits that
    /// it was issued (why, until when, by the context's user), never the code. The answer is the only
    /// place the code ever appears.</summary>
    public async Task<IssuedEnrolmentCode> IssueAsync(ChanceryUser user, string reason, CancellationToken ct)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        var expires = clock.GetUtcNow().Add(Lifetime);
        var stored = string.Join('|', "v1", expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), users.PasswordHasher.HashPassword(user, code));
        await users.SetAuthenticationTokenAsync(user, TokenProvider, TokenName, stored);
        await AuditEvents.RecordAsync(db, clock, AuditAction.EnrolmentCodeIssued, AuditEvents.UserType, user.Id,
            new Dictionary<string, string?>
            {
                ["Email"] = user.Email,
                ["Reason"] = reason,
                ["Expires"] = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            }, ClassificationLevel.Public, ct);
        return new IssuedEnrolmentCode(Grouped(code), expires);
    }

    /// <summary>Whether the account holds a code that still works (<see cref="EnrolmentCodeCheck.Right"/>),
    /// one that has expired, or none; and until when.</summary>
    public async Task<(EnrolmentCodeCheck State, DateTimeOffset? Expires)> StateAsync(ChanceryUser user)
    {
        if (Read(await users.GetAuthenticationTokenAsync(user, TokenProvider, TokenName)) is not { } stored) return (EnrolmentCodeCheck.None, null);
        return (stored.Expires <= clock.GetUtcNow() ? EnrolmentCodeCheck.Expired : EnrolmentCodeCheck.Right, stored.Expires);
    }

    /// <summary>Checks a typed code against the account's (spaces, dashes and case do not matter).</summary>
    public async Task<EnrolmentCodeCheck> CheckAsync(ChanceryUser user, string? typed)
    {
        if (Read(await users.GetAuthenticationTokenAsync(user, TokenProvider, TokenName)) is not { } stored) return EnrolmentCodeCheck.None;
        var compact = Authenticator.Compact(typed).ToUpperInvariant();
        // Hashed whatever the expiry, so a right and a wrong answer take the same time.
        var right = compact.Length == Length && users.PasswordHasher.VerifyHashedPassword(user, stored.Hash, compact) != PasswordVerificationResult.Failed;
        if (!right) return EnrolmentCodeCheck.Wrong;
        return stored.Expires <= clock.GetUtcNow() ? EnrolmentCodeCheck.Expired : EnrolmentCodeCheck.Right;
    }

    /// <summary>A fingerprint of the code the account holds now (null: none): the enrolment page remembers
    /// it once the right code was typed, so a newer code issued meanwhile undoes that.</summary>
    public async Task<string?> FingerprintAsync(ChanceryUser user) =>
        await users.GetAuthenticationTokenAsync(user, TokenProvider, TokenName) is { Length: > 0 } stored
            ? Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(stored)))
            : null;

    /// <summary>Forgets the account's code (used, or no longer needed).</summary>
    public Task ForgetAsync(ChanceryUser user) => users.RemoveAuthenticationTokenAsync(user, TokenProvider, TokenName);

    /// <summary>The code in groups of four, as it is shown and read out.</summary>
    public static string Grouped(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    private static (DateTimeOffset Expires, string Hash)? Read(string? stored)
    {
        var parts = stored?.Split('|', 3);
        if (parts is not ["v1", var seconds, var hash] || !long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)) return null;
        return (DateTimeOffset.FromUnixTimeSeconds(unix), hash);
    }
}
