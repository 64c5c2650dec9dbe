using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

public enum SignInVerdict { SignedIn, WrongCredentials, LockedOut, TooManyAttempts }

/// <summary>The one way to sign in with a password, for the sign-in page and the API.
/// <list type="bullet">
/// <item>A wrong password never locks the account: a stranger who knows an email (the administrator's
/// is on every printout) could otherwise keep its owner out. Instead, failures are limited per client
/// address (<c>SignIn:FailuresPerMinute</c>, 10 by default); past the limit that address is refused
/// for the rest of the minute, whoever it tries. The counter lives in this instance: behind a load
/// balancer the limit applies per instance, which still caps guessing at a few per second.</item>
/// <item>An unknown email costs the same time as a wrong password (a hash is verified either way),
/// so timing does not tell which emails have accounts.</item>
/// <item>Locks set by an administrator still hold.</item></list></summary>
public sealed class PasswordSignIn(
    SignInManager<ChanceryUser> signIn, IPasswordHasher<ChanceryUser> hasher, SignInFailureLimiter limiter, IHttpContextAccessor http,
    Chancery.Web.Data.ChanceryDbContext db, TimeProvider clock)
{
    public async Task<SignInVerdict> SignInAsync(string email, string password, bool persistent, string scheme)
    {
        var verdict = await VerdictAsync(email, password, persistent, scheme);
        await AuditAsync(verdict, email, scheme);
        return verdict;
    }

    /// <summary>Every sign-in and every refused one (with the name tried, whether or not an account has it)
    /// goes into the audit trail; refusals for too many attempts do not (the limiter caps what a stranger
    /// can write there).</summary>
    private async Task AuditAsync(SignInVerdict verdict, string email, string scheme)
    {
        if (verdict == SignInVerdict.TooManyAttempts) return;
        var user = _found;
        var details = new Dictionary<string, string?>
        {
            [verdict == SignInVerdict.SignedIn ? "Email" : "NameTried"] = email,
            ["Address"] = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            ["Via"] = scheme == IdentityConstants.BearerScheme ? "api" : "page",
        };
        var action = verdict == SignInVerdict.SignedIn ? AuditAction.SignedIn : AuditAction.SignInFailed;
        var actor = verdict == SignInVerdict.SignedIn ? (user?.Id, user?.Email) : (null, email);
        await AuditEvents.RecordAsync(db, clock, action, AuditEvents.UserType, user?.Id ?? "", details,
            Common.Classification.ClassificationLevel.Public, CancellationToken.None, actor);
    }

    private ChanceryUser? _found;

    private async Task<SignInVerdict> VerdictAsync(string email, string password, bool persistent, string scheme)
    {
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (limiter.IsBlocked(client)) return SignInVerdict.TooManyAttempts;

        var user = _found = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(DecoyUser, DecoyHash, password);
            limiter.RecordFailure(client);
            return SignInVerdict.WrongCredentials;
        }

        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: false);
        if (result.Succeeded) return SignInVerdict.SignedIn;
        if (result.IsLockedOut) return SignInVerdict.LockedOut;
        limiter.RecordFailure(client);
        return SignInVerdict.WrongCredentials;
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
