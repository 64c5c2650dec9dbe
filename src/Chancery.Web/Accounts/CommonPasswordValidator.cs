using Microsoft.AspNetCore.Identity;
using Chancery.Web.Common.Security;

namespace Chancery.Web.Accounts;

/// <summary>Refuses passwords that are easy to guess even when they meet the length and character
/// rules ("Password1!", "Chancery2026!", the email with a digit): zxcvbn scores a password against
/// lists of common passwords, names, words, dates, keyboard walks and the user's own email and name,
/// and anything under "safely unguessable" (3 of 4) is refused.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ChanceryUser>
{
    public const string Code = "PasswordTooCommon";
    private const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<ChanceryUser> manager, ChanceryUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var personal = new[] { user.Email, user.UserName, user.DisplayName, "chancery", "ngoaigiao", "bongoaigiao", "mofa" }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!);
        var score = Zxcvbn.Zxcvbn.MatchPassword(password, personal).Score;
        return Task.FromResult(score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = Code, Description = "The password is too common or too easy to guess." }));
    }
}
