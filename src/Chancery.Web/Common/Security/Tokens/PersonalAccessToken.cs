using Chancery.Web.Common.Audit;

namespace Chancery.Web.Common.Security.Tokens;

/// <summary>A secret a user hands to an integration or a calendar program instead of their password.
/// Only the SHA-256 of the secret is stored (<see cref="SecretHash"/>): the secret itself is shown once,
/// when it is made. Lives in the kernel because the authentication handler reads it on every request
/// that carries one; the Accounts module manages it.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>What the user called it ("Province reporting job").</summary>
    public string Name { get; set; } = "";
    public TokenScope Scope { get; set; }
    /// <summary>Lowercase hex SHA-256 of the whole secret (prefix included); the lookup key.</summary>
    [AuditIgnore]
    public string SecretHash { get; set; } = "";
    /// <summary>The first characters of the secret (<c>chpat_AbCd</c>), so a user can tell tokens apart
    /// and match one found in a leak; too short to guess the rest from.</summary>
    public string Hint { get; set; } = "";
    /// <summary>The account as it stood when the token was made (<see cref="AccountFingerprint"/>): a
    /// role, clearance or password change since then ends the token.</summary>
    [AuditIgnore]
    public string AccountFingerprint { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>Recorded at most once a minute (<see cref="PersonalAccessTokens.LastUseResolution"/>).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>Who revoked it (the owner or an administrator).</summary>
    public string? RevokedBy { get; set; }
}
