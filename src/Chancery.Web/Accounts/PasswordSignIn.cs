using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Security;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

public enum SignInVerdict
{
    SignedIn, WrongCredentials, LockedOut, TooManyAttempts,
    /// <summary>The password was right; the account signs in with an authenticator code too and none was given.</summary>
    SecondFactorNeeded,
    /// <summary>The password was right; the authenticator or recovery code was not.</summary>
    WrongSecondFactor,
    /// <summary>The password was right; the account's clearance requires an authenticator it has not set up yet.</summary>
    EnrolmentNeeded,
    /// <summary>The page's second step came without a pending password step (expired after five minutes, or never made).</summary>
    StartAgain,
}

/// <summary>The one way to sign in with a password, for the sign-in page and the API.
/// <list type="bullet">
/// <item>A wrong password never locks the account: a stranger who knows an email (the administrator's
/// is on every printout) could otherwise keep its owner out. Instead, failures are limited per client
/// address (<c>SignIn:FailuresPerMinute</c>, 10 by default); past the limit that address is refused
/// for the rest of the minute, whoever it tries. The counter lives in this instance: behind a load
/// balancer the limit applies per instance, which still caps guessing at a few per second.</item>
/// <item>An unknown email costs the same time as a wrong password (a hash is verified either way),
/// so timing does not tell which emails have accounts.</item>
/// <item>Locks set by an administrator still hold.</item>
/// <item>An account that signs in with an authenticator (<see cref="TwoFactorRule"/>) needs its code too.
/// A wrong code counts toward the same per-address limit as a wrong password, and never locks the
/// account either (Identity's own two-factor sign-in would count it toward a lock-out). The API takes
/// the code in the same request; the page asks for it on a second page, carrying the password step in
/// Identity's short-lived two-factor cookie (five minutes).</item></list></summary>
public sealed class PasswordSignIn(
    SignInManager<ChanceryUser> signIn, IPasswordHasher<ChanceryUser> hasher, SignInFailureLimiter limiter, IHttpContextAccessor http,
    Chancery.Web.Data.ChanceryDbContext db, TimeProvider clock, TwoFactorRule rule, Authenticator authenticator, EnrolmentCodes enrolmentCodes)
{
    /// <summary>The claim of the pending (password-only) step that says "remember me" was ticked.</summary>
    private const string PersistentClaim = "chancery:persistent";

    /// <summary>The claim of the pending step that names the identity provider it came from (see <see cref="ExternalSignIn"/>).</summary>
    private const string ProviderClaim = "chancery:provider";

    /// <summary>The claim of the pending step that says the account's enrolment code was typed right: the
    /// code's fingerprint, so a newer code issued meanwhile (or the code used) undoes it.</summary>
    private const string EnrolmentCodeClaim = "chancery:enrolment-code";

    /// <summary>How the audit trail names a sign-in through the identity provider (<c>Via</c>).</summary>
    public const string ViaIdentityProvider = "sso";

    public async Task<SignInVerdict> SignInAsync(string email, string password, bool persistent, string scheme, SecondFactor? second = null)
    {
        var verdict = await VerdictAsync(email, password, persistent, scheme, second);
        await AuditAsync(verdict, email, scheme);
        return verdict;
    }

    /// <summary>The page's second step: the code typed after the password step of the last five minutes.</summary>
    public async Task<SignInVerdict> CompleteAsync(SecondFactor second)
    {
        if (limiter.IsBlocked(Client)) return SignInVerdict.TooManyAttempts;
        var (user, persistent) = await PendingAsync();
        if (user is null) return SignInVerdict.StartAgain;
        _found = user;
        var verdict = await SecondStepAsync(user, persistent, IdentityConstants.ApplicationScheme, second);
        await AuditAsync(verdict, user.Email ?? "", IdentityConstants.ApplicationScheme);
        return verdict;
    }

    /// <summary>The account whose password was just checked on the page and who now owes a code or an
    /// enrolment; null when there is none (or it has been locked meanwhile).</summary>
    public async Task<(ChanceryUser? User, bool Persistent)> PendingAsync()
    {
        var context = http.HttpContext;
        if (context is null) return (null, false);
        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (pending.Principal?.FindFirstValue(ClaimTypes.Name) is not { } id) return (null, false);
        var user = await signIn.UserManager.FindByIdAsync(id);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user)) return (null, false);
        _provider = pending.Principal.FindFirstValue(ProviderClaim);
        return (user, pending.Principal.HasClaim(PersistentClaim, "1"));
    }

    /// <summary>Ends the pending step and signs the account in on the page, after the code proved
    /// the second factor (used by the enrolment page once the new authenticator's first code is right).</summary>
    public async Task FinishEnrolmentAsync(ChanceryUser user, bool persistent)
    {
        await http.HttpContext!.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInAsync(user, persistent, SecondFactorMethod);
        _found = user;
        _secondFactor = "authenticator_enrolled";
        await AuditAsync(SignInVerdict.SignedIn, user.Email ?? "", IdentityConstants.ApplicationScheme);
    }

    /// <summary>The enrolment page's first box, for an account that must set up an authenticator: the
    /// one-time code its administrator gave. A right one is remembered in the pending step (until it
    /// ends, five minutes after the password); anything else counts toward the per-address limit like a
    /// wrong password and is audited (<c>sign_in_failed</c>, <c>Reason</c> <c>wrong_enrolment_code</c>,
    /// <c>enrolment_code_expired</c> or <c>no_enrolment_code</c>). Null: too many attempts from this address.</summary>
    public async Task<EnrolmentCodeCheck?> AcceptEnrolmentCodeAsync(ChanceryUser user, string? typed)
    {
        if (limiter.IsBlocked(Client)) return null;
        var check = await enrolmentCodes.CheckAsync(user, typed);
        if (check == EnrolmentCodeCheck.Right)
        {
            var context = http.HttpContext!;
            var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            if (pending.Principal is null) return EnrolmentCodeCheck.Wrong;
            var identity = new ClaimsIdentity(pending.Principal.Claims.Where(c => c.Type != EnrolmentCodeClaim), IdentityConstants.TwoFactorUserIdScheme);
            identity.AddClaim(new Claim(EnrolmentCodeClaim, (await enrolmentCodes.FingerprintAsync(user))!));
            // The same properties: the pending step still ends five minutes after the password.
            await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity), pending.Properties);
            return check;
        }
        limiter.RecordFailure(Client);
        var details = new Dictionary<string, string?>
        {
            ["NameTried"] = user.Email,
            ["Address"] = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            ["Via"] = _provider is not null ? ViaIdentityProvider : "page",
            ["Reason"] = check switch
            {
                EnrolmentCodeCheck.Expired => "enrolment_code_expired",
                EnrolmentCodeCheck.None => "no_enrolment_code",
                _ => "wrong_enrolment_code",
            },
        };
        if (_provider is not null) details["Provider"] = _provider;
        await AuditEvents.RecordAsync(db, clock, AuditAction.SignInFailed, AuditEvents.UserType, user.Id, details,
            Common.Classification.ClassificationLevel.Public, CancellationToken.None, (null, user.Email));
        return check;
    }

    /// <summary>Whether the pending step holds the account's current, unexpired enrolment code.</summary>
    public async Task<bool> EnrolmentCodeAcceptedAsync(ChanceryUser user)
    {
        var context = http.HttpContext;
        if (context is null) return false;
        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Principal?.FindFirstValue(EnrolmentCodeClaim) is { } accepted
            && accepted == await enrolmentCodes.FingerprintAsync(user)
            && (await enrolmentCodes.StateAsync(user)).State == EnrolmentCodeCheck.Right;
    }

    /// <summary>The authentication method (<c>amr</c>) of a sign-in with both factors.</summary>
    public const string SecondFactorMethod = "mfa";

    private string Client => http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>Every sign-in and every refused one (with the name tried, whether or not an account has it)
    /// goes into the audit trail; refusals for too many attempts do not (the limiter caps what a stranger
    /// can write there). A password step that now waits for a code is not an event yet.</summary>
    private async Task AuditAsync(SignInVerdict verdict, string email, string scheme)
    {
        if (verdict is SignInVerdict.TooManyAttempts or SignInVerdict.StartAgain) return;
        if (verdict is SignInVerdict.SecondFactorNeeded or SignInVerdict.EnrolmentNeeded && scheme != IdentityConstants.BearerScheme) return;
        var user = _found;
        var signedIn = verdict == SignInVerdict.SignedIn;
        var details = new Dictionary<string, string?>
        {
            [signedIn ? "Email" : "NameTried"] = email,
            ["Address"] = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            ["Via"] = _provider is not null ? ViaIdentityProvider : scheme == IdentityConstants.BearerScheme ? "api" : "page",
        };
        if (_provider is not null) details["Provider"] = _provider;
        if (signedIn && _secondFactor is not null) details["SecondFactor"] = _secondFactor;
        if (!signedIn && verdict is SignInVerdict.WrongSecondFactor or SignInVerdict.SecondFactorNeeded or SignInVerdict.EnrolmentNeeded)
            details["Reason"] = verdict switch
            {
                SignInVerdict.WrongSecondFactor => "wrong_second_factor",
                SignInVerdict.SecondFactorNeeded => "second_factor_missing",
                _ => "authenticator_not_set_up",
            };
        var action = signedIn ? AuditAction.SignedIn : AuditAction.SignInFailed;
        var actor = signedIn ? (user?.Id, user?.Email) : (null, email);
        await AuditEvents.RecordAsync(db, clock, action, AuditEvents.UserType, user?.Id ?? "", details,
            Common.Classification.ClassificationLevel.Public, CancellationToken.None, actor);
    }

    private ChanceryUser? _found;
    /// <summary>The identity provider whose sign-in this second step completes (null after a password).</summary>
    private string? _provider;
    /// <summary>The second factor that completed this sign-in, for the audit entry.</summary>
    private string? _secondFactor;

    private async Task<SignInVerdict> VerdictAsync(string email, string password, bool persistent, string scheme, SecondFactor? second)
    {
        if (limiter.IsBlocked(Client)) return SignInVerdict.TooManyAttempts;

        var user = _found = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(DecoyUser, DecoyHash, password);
            limiter.RecordFailure(Client);
            return SignInVerdict.WrongCredentials;
        }

        // Checks the password and the lock without signing in: whether a sign-in follows depends on the second factor.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.IsLockedOut) return SignInVerdict.LockedOut;
        if (!result.Succeeded)
        {
            limiter.RecordFailure(Client);
            return SignInVerdict.WrongCredentials;
        }

        if (!rule.Asks(user))
        {
            signIn.AuthenticationScheme = scheme;
            await signIn.SignInAsync(user, persistent, "pwd");
            return SignInVerdict.SignedIn;
        }
        if (scheme == IdentityConstants.BearerScheme)
            return user.TwoFactorEnabled ? await SecondStepAsync(user, persistent, scheme, second) : SignInVerdict.EnrolmentNeeded;

        await HoldForSecondStepAsync(user, persistent, provider: null);
        return user.TwoFactorEnabled ? SignInVerdict.SecondFactorNeeded : SignInVerdict.EnrolmentNeeded;
    }

    /// <summary>The page's first step is done (a right password, or the identity provider's word without a
    /// second factor): remember it for five minutes in Identity's two-factor cookie, then the code page (or
    /// the enrolment) finishes the sign-in. <paramref name="provider"/> names the identity provider for the
    /// audit entry of that finish.</summary>
    public async Task HoldForSecondStepAsync(ChanceryUser user, bool persistent, string? provider)
    {
        var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        pending.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        if (persistent) pending.AddClaim(new Claim(PersistentClaim, "1"));
        if (provider is not null) pending.AddClaim(new Claim(ProviderClaim, provider));
        await http.HttpContext!.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
    }

    private async Task<SignInVerdict> SecondStepAsync(ChanceryUser user, bool persistent, string scheme, SecondFactor? second)
    {
        if (second is not { Given: true }) return SignInVerdict.SecondFactorNeeded;
        if (!await authenticator.VerifyAsync(user, second))
        {
            limiter.RecordFailure(Client);
            return SignInVerdict.WrongSecondFactor;
        }
        _secondFactor = second.Kind;
        if (scheme == IdentityConstants.ApplicationScheme) await http.HttpContext!.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInAsync(user, persistent, SecondFactorMethod);
        return SignInVerdict.SignedIn;
    }

    private static readonly ChanceryUser DecoyUser = new() { UserName = "decoy" };
    private static readonly string DecoyHash = new PasswordHasher<ChanceryUser>().HashPassword(DecoyUser, Guid.NewGuid().ToString());
}

/// <summary>Counts failed sign-ins per client address in a fixed one-minute window.</summary>
public sealed class SignInFailureLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInFailureLimiter(IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("SignIn:FailuresPerMinute", 10);
        _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public bool IsBlocked(string client) => _failures.GetStatistics(client)?.CurrentAvailablePermits == 0;

    public void RecordFailure(string client) => _failures.AttemptAcquire(client).Dispose();

    public void Dispose() => _failures.Dispose();
}
