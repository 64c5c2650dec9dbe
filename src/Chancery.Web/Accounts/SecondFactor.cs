namespace Chancery.Web.Accounts;

/// <summary>What a user typed as the second factor: a six-digit code from their authenticator app, or
/// one of the recovery codes they were given when they set it up (each works once).</summary>
public sealed record SecondFactor(string? Code, string? RecoveryCode)
{
    public bool Given => !string.IsNullOrWhiteSpace(Code) || !string.IsNullOrWhiteSpace(RecoveryCode);

    /// <summary>How the audit trail names it: <c>authenticator</c>, <c>recovery_code</c>, or null when none was given.</summary>
    public string? Kind => !string.IsNullOrWhiteSpace(Code) ? "authenticator" : !string.IsNullOrWhiteSpace(RecoveryCode) ? "recovery_code" : null;

    /// <summary>One box on the page takes either: six digits are an authenticator code, anything else a recovery code.</summary>
    public static SecondFactor FromOneBox(string? typed)
    {
        var compact = Authenticator.Compact(typed);
        return compact.Length == 6 && compact.All(char.IsAsciiDigit) ? new(compact, null) : new(null, compact);
    }
}
