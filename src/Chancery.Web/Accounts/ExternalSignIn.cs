using System.Security.Claims;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

public enum ExternalVerdict
{
    SignedIn,
    /// <summary>The account signs in with an authenticator code and the provider did not prove a second factor.</summary>
    SecondFactorNeeded,
    /// <summary>As above, and the account has not set up its authenticator yet.</summary>
    EnrolmentNeeded,
    /// <summary>No answer of the provider to finish (expired, or never made).</summary>
    StartAgain,
    EmailNotVerified,
    /// <summary>No account has that email, or it is locked: one answer for both.</summary>
    NotAccepted,
}

/// <summary>Signs in the Chancery account the identity provider vouched for. What is trusted from the
/// provider is only this: the person controls the email address it names, when it says it verified
/// that address (<c>email_verified</c>), and, when its <c>amr</c> says so, that they gave a second
/// factor there. Nothing else: the provider never creates an account, and the role, clearance and
/// unit are the account's own, so a provider that claims more changes nothing. The session that
/// follows is an ordinary one (security stamp, <see cref="Common.Security.SessionCheck"/>).</summary>
public sealed class ExternalSignIn(
    SignInManager<ChanceryUser> signIn, PasswordSignIn passwordSignIn, OpenIdConnectSettings settings, TwoFactorRule rule,
    IHttpContextAccessor http, ChanceryDbContext db, TimeProvider clock)
{
    public const string EmailVerifiedClaim = "email_verified";
    private const string MethodsClaim = "amr";

    /// <summary>The authentication method (<c>amr</c>) of a session opened by the provider without a second factor.</summary>
    public const string ExternalMethod = "external";

    public async Task<ExternalVerdict> SignInAsync()
    {
        var context = http.HttpContext!;
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The provider's answer is read once: its cookie never outlives this request.
        if (external.Succeeded) await context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!settings.Enabled || external.Principal is not { } principal) return ExternalVerdict.StartAgain;

        var email = principal.FindFirstValue(settings.EmailClaim)?.Trim();
        // Checked before any account is looked up: the answer says nothing about which emails have one.
        if (string.IsNullOrEmpty(email) || !IsTrue(principal.FindFirstValue(EmailVerifiedClaim)))
        {
            await FailedAsync(email ?? principal.FindFirstValue("sub") ?? "", "email_not_verified");
            return ExternalVerdict.EmailNotVerified;
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            await FailedAsync(email, "no_account");
            return ExternalVerdict.NotAccepted;
        }
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            await FailedAsync(email, "locked_out");
            return ExternalVerdict.NotAccepted;
        }

        var secondFactorAtProvider = principal.FindAll(MethodsClaim).Any(c => settings.SecondFactorMethods.Contains(c.Value, StringComparer.OrdinalIgnoreCase));
        if (rule.Asks(user) && !secondFactorAtProvider)
        {
            // Chancery's own second step follows, as after a right password.
            await passwordSignIn.HoldForSecondStepAsync(user, persistent: false, provider: settings.DisplayName);
            return user.TwoFactorEnabled ? ExternalVerdict.SecondFactorNeeded : ExternalVerdict.EnrolmentNeeded;
        }
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInAsync(user, isPersistent: false, secondFactorAtProvider ? PasswordSignIn.SecondFactorMethod : ExternalMethod);
        await AuditAsync(AuditAction.SignedIn, user, user.Email ?? email, new()
        {
            ["Email"] = user.Email,
            ["SecondFactor"] = secondFactorAtProvider ? "identity_provider" : null,
        });
        return ExternalVerdict.SignedIn;
    }

    /// <summary>A JSON <c>true</c> arrives as "true"; some providers send the string "True".</summary>
    private static bool IsTrue(string? value) => bool.TryParse(value, out var yes) && yes;

    private Task FailedAsync(string nameTried, string reason) =>
        AuditAsync(AuditAction.SignInFailed, null, nameTried, new() { ["NameTried"] = nameTried, ["Reason"] = reason });

    /// <summary>Filed like a password sign-in (public, the account or the name tried as the actor), with the provider named.</summary>
    private async Task AuditAsync(AuditAction action, ChanceryUser? user, string name, Dictionary<string, string?> details)
    {
        details["Address"] = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        details["Via"] = PasswordSignIn.ViaIdentityProvider;
        details["Provider"] = settings.DisplayName;
        foreach (var empty in details.Where(d => d.Value is null).Select(d => d.Key).ToList()) details.Remove(empty);
        await AuditEvents.RecordAsync(db, clock, action, AuditEvents.UserType, user?.Id ?? "", details,
            ClassificationLevel.Public, CancellationToken.None, (user?.Id, name));
    }
}
