using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Security.Tokens;

/// <summary>Issues personal access tokens and recognises them. Every use reads the token and its account
/// from the database (no cache), so a revocation, a lock or an account change made on any instance ends
/// the token on the next request everywhere.</summary>
public sealed class PersonalAccessTokens(ChanceryDbContext db, TimeProvider clock)
{
    /// <summary>The last-use time is written at most this often per token, so a busy integration does
    /// not turn every read into a write.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>No token lives longer than this (a year and a day, so "one year from today" fits).</summary>
    public static readonly TimeSpan LongestLife = TimeSpan.FromDays(366);

    /// <summary>Makes a token for <paramref name="userId"/> and answers the secret, the only time it exists
    /// outside the caller's hands. The caller has checked the name, scope and expiry.</summary>
    public async Task<(PersonalAccessToken Token, string Secret)> IssueAsync(string userId, string name, TokenScope scope,
        DateTimeOffset expiresAt, CancellationToken ct)
    {
        var account = await AccountAsync(userId, ct) ?? throw new InvalidOperationException("No such account.");
        var secret = TokenSecret.New();
        var token = new PersonalAccessToken
        {
            UserId = userId, Name = name, Scope = scope, SecretHash = TokenSecret.Hash(secret), Hint = TokenSecret.Hint(secret),
            AccountFingerprint = account.Fingerprint, CreatedAt = clock.GetUtcNow(), ExpiresAt = expiresAt,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>The token a secret belongs to while it may be used: not revoked, not expired, its account
    /// not locked and unchanged in role, clearance and password; null otherwise (never why: an unknown and
    /// a revoked token look alike). Records the use.</summary>
    public async Task<PersonalAccessToken?> FindUsableAsync(string? secret, CancellationToken ct)
    {
        if (!TokenSecret.IsWellFormed(secret)) return null;
        var hash = TokenSecret.Hash(secret!);
        var token = await db.PersonalAccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now) return null;
        var account = await AccountAsync(token.UserId, ct);
        if (account is null || account.LockoutEnd > now
            || !string.Equals(account.Fingerprint, token.AccountFingerprint, StringComparison.Ordinal)) return null;
        if (token.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            // Straight to the table: a use is not a change anyone audits, and no tracked entity is involved.
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            token.LastUsedAt = now;
        }
        return token;
    }

    /// <summary>Marks a token revoked (by <paramref name="revokedBy"/>); answers false when it already was.</summary>
    public async Task<bool> RevokeAsync(PersonalAccessToken token, string? revokedBy, CancellationToken ct)
    {
        if (token.RevokedAt is not null) return false;
        token.RevokedAt = clock.GetUtcNow();
        token.RevokedBy = revokedBy;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Revokes every token of an account not yet revoked (by <paramref name="revokedBy"/>), each row
    /// audited as any revocation; answers how many. For what ends an account's access without touching the
    /// three things a token keeps a fingerprint of (an authenticator reset).</summary>
    public async Task<int> RevokeAllAsync(string userId, string? revokedBy, CancellationToken ct)
    {
        var live = await db.PersonalAccessTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var token in live)
        {
            token.RevokedAt = now;
            token.RevokedBy = revokedBy;
        }
        if (live.Count > 0) await db.SaveChangesAsync(ct);
        return live.Count;
    }

    private sealed record AccountState(ClassificationLevel Clearance, string? PasswordHash, DateTimeOffset? LockoutEnd, List<string> Roles)
    {
        public string Fingerprint => AccountFingerprint.Of(Clearance, Roles, PasswordHash);
    }

    private Task<AccountState?> AccountAsync(string userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new AccountState(u.Clearance, u.PasswordHash, u.LockoutEnd,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!).ToList()))
            .FirstOrDefaultAsync(ct);
}
