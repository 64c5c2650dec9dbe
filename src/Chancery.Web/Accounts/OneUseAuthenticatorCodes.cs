using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Chancery.Web.Accounts;

/// <summary>Identity's authenticator token provider, with each code accepted once (RFC 6238 §5.2).
/// Identity's own provider accepts a code again and again within its window (the current 30-second step
/// and two either side), so a code read over a shoulder or from a proxy's log signs in a second time. This
/// one checks the same window, finds which step the code belongs to, and claims it with one conditional
/// <c>UPDATE</c> of <see cref="ChanceryUser.AuthenticatorStepUsed"/> (only if the stored step is earlier):
/// the database decides, so two instances given the same code at once accept it at most once. Every path
/// that checks a code goes through here (sign-in page, API login, enrolment), since it is registered as
/// Identity's authenticator provider.</summary>
public sealed class OneUseAuthenticatorCodes(ChanceryDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<ChanceryUser>
{
    public const string ProviderName = "OneUseAuthenticator";

    /// <summary>Steps either side of now that still count, as Identity's provider allows (a phone's clock a
    /// minute off still works).</summary>
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ChanceryUser> manager, ChanceryUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes, not the server (as Identity's authenticator provider).</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ChanceryUser> manager, ChanceryUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ChanceryUser> manager, ChanceryUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit)) return false;
        if (!new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, Window)) return false;

        var claimed = await db.Users.Where(u => u.Id == user.Id && (u.AuthenticatorStepUsed == null || u.AuthenticatorStepUsed < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AuthenticatorStepUsed, step));
        if (claimed == 0) return false;
        // The user object Identity holds is saved whole by its next update: it must carry the step too,
        // as its loaded value, or that update would write the old one back.
        user.AuthenticatorStepUsed = step;
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached) entry.Property(u => u.AuthenticatorStepUsed).OriginalValue = step;
        return true;
    }
}
