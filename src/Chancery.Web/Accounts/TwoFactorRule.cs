using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;

namespace Chancery.Web.Accounts;

/// <summary>Who must sign in with an authenticator code besides the password: every account cleared at
/// or above <c>SignIn:TwoFactorFrom</c> (<c>confidential</c> by default), and every account that has
/// set one up of its own accord. <c>none</c> lifts the requirement (test databases and load runs only:
/// a server holding classified records keeps the default).</summary>
public sealed class TwoFactorRule
{
    private readonly ClassificationLevel? _from;

    public TwoFactorRule(IConfiguration configuration)
    {
        var setting = configuration["SignIn:TwoFactorFrom"];
        if (string.IsNullOrWhiteSpace(setting)) _from = ClassificationLevel.Confidential;
        else if (string.Equals(setting.Trim(), "none", StringComparison.OrdinalIgnoreCase)) _from = null;
        else if (ClassificationLevels.TryParse(setting, out var level)) _from = level;
        // A typo must not switch the requirement off silently.
        else throw new InvalidOperationException($"SignIn:TwoFactorFrom must be a clearance code or 'none', not '{setting}'.");
    }

    /// <summary>Whether this account's clearance obliges it to use an authenticator.</summary>
    public bool Requires(ChanceryUser user) => _from is { } from && user.Clearance >= from;

    /// <summary>Whether a sign-in of this account needs a second factor (required, or set up voluntarily).</summary>
    public bool Asks(ChanceryUser user) => user.TwoFactorEnabled || Requires(user);
}
