using Chancery.Web.Common.Api;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Accounts;

/// <summary>Personal access tokens as lists: a user's own, or (for administrators) everyone's.</summary>
public sealed class TokenQueries(ChanceryDbContext db, TimeProvider clock)
{
    /// <summary>The tokens of <paramref name="userId"/>, or of every account when it is null; newest first.</summary>
    public async Task<IReadOnlyList<TokenItem>> ListAsync(string? userId, CancellationToken ct)
    {
        var rows = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => userId == null || t.UserId == userId)
            .OrderByDescending(t => t.Id)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.Email })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => Item(r.Token, r.Email, now)).ToList();
    }

    public async Task<TokenItem?> GetAsync(int id, CancellationToken ct)
    {
        var row = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.Id == id)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.Email }).FirstOrDefaultAsync(ct);
        return row is null ? null : Item(row.Token, row.Email, clock.GetUtcNow());
    }

    public static TokenItem Item(PersonalAccessToken t, string? email, DateTimeOffset now) => new(
        t.Id, t.Name, Codes<TokenScope>.ToCode(t.Scope), t.Hint + "…", t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt,
        Codes<TokenStatus>.ToCode(t.RevokedAt is not null ? TokenStatus.Revoked : t.ExpiresAt <= now ? TokenStatus.Expired : TokenStatus.Active),
        t.UserId, email);
}
