using System.Security.Cryptography;
using System.Text;
using Chancery.Web.Common.Classification;

namespace Chancery.Web.Common.Security.Tokens;

/// <summary>What must not have changed for a personal access token to stay valid: the account's
/// clearance, roles and password. Sessions end through the security stamp, but the stamp is also renewed
/// by every sign-out, which must not end an integration's token; so a token keeps a hash of these three
/// instead, compared on every use.</summary>
public static class AccountFingerprint
{
    public static string Of(ClassificationLevel clearance, IEnumerable<string> roles, string? passwordHash)
    {
        var text = $"{(int)clearance}|{string.Join(",", roles.Order(StringComparer.Ordinal))}|{passwordHash}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
