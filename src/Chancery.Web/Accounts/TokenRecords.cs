using System.ComponentModel;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Security.Tokens;

namespace Chancery.Web.Accounts;

/// <summary>A new personal access token: a name, a scope (<c>read</c>, <c>read_write</c> or
/// <c>calendar</c>) and how many days it lives (1 to 365).</summary>
public sealed record CreateTokenRequest(
    string? Name,
    [property: CodeSet(typeof(TokenScope))] string? Scope,
    [property: Description("Days until the token expires, 1 to 365.")] int? ExpiresInDays);

/// <summary>A token as its owner and administrators see it: never the secret, only its first
/// characters (<c>hint</c>). <c>status</c> is active, expired or revoked.</summary>
public sealed record TokenItem(
    int Id, string Name, [property: CodeSet(typeof(TokenScope))] string Scope, string Hint,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt,
    [property: CodeSet(typeof(TokenStatus))] string Status, string UserId, string? UserEmail);

/// <summary>The answer to a creation: the token's record and, this once, its secret (<c>token</c>), to be
/// sent as <c>Authorization: Bearer &lt;token&gt;</c>. It cannot be shown again.</summary>
public sealed record TokenCreated(TokenItem Item, string Token);

public enum TokenStatus { Active, Expired, Revoked }
