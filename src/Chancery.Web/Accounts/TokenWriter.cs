using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Accounts;

/// <summary>Creating and revoking personal access tokens, for the API and the account page. A user makes
/// tokens only for themselves; the owner or an administrator revokes. Both are audited (the token's row
/// goes through the audit interceptor; its hash and account fingerprint never reach the trail).</summary>
public sealed class TokenWriter(ChanceryDbContext db, PersonalAccessTokens tokens, ICurrentUser writer, TimeProvider clock)
{
    public const int NameLength = 100;
    public const int LongestDays = 365;

    public async Task<WriteOutcome<TokenCreated>> CreateAsync(CreateTokenRequest request, CancellationToken ct)
    {
        if (writer.UserId is not { } userId) return WriteOutcome<TokenCreated>.NotFound();
        var problems = new Problems();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) problems.Add("name", ErrorCodes.Required);
        else if (name.Length > NameLength) problems.Add("name", ErrorCodes.TooLong, NameLength);
        else if (name.Any(char.IsControl)) problems.Add("name", ErrorCodes.ControlCharacters);
        if (string.IsNullOrWhiteSpace(request.Scope)) problems.Add("scope", ErrorCodes.Required);
        else if (!Codes<TokenScope>.TryParse(request.Scope, out _)) problems.Add("scope", ErrorCodes.OneOf, string.Join(", ", Codes<TokenScope>.All));
        if (request.ExpiresInDays is not { } days) problems.Add("expiresInDays", ErrorCodes.Required);
        else if (days is < 1 or > LongestDays) problems.Add("expiresInDays", ErrorCodes.Between, 1, LongestDays);
        if (problems.Any) return WriteOutcome<TokenCreated>.Invalid(problems);

        Codes<TokenScope>.TryParse(request.Scope, out var scope);
        var (token, secret) = await tokens.IssueAsync(userId, name, scope, clock.GetUtcNow().AddDays(request.ExpiresInDays!.Value), ct);
        return WriteOutcome<TokenCreated>.Created(new TokenCreated(TokenQueries.Item(token, writer.UserName, clock.GetUtcNow()), secret));
    }

    /// <summary>Revokes a token of the writer's own, or anyone's for an administrator; any other token is
    /// "not found", so a user cannot learn which ids exist. Revoking a revoked token changes nothing.</summary>
    public async Task<WriteOutcome<TokenItem>> RevokeAsync(int id, CancellationToken ct)
    {
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || writer.UserId is null || (token.UserId != writer.UserId && !writer.Administers()))
            return WriteOutcome<TokenItem>.NotFound();
        await tokens.RevokeAsync(token, writer.UserId, ct);
        return WriteOutcome<TokenItem>.Saved(TokenQueries.Item(token, null, clock.GetUtcNow()));
    }
}
