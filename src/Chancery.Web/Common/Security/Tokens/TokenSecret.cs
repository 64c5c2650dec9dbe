using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Chancery.Web.Common.Security.Tokens;

/// <summary>The secret of a personal access token: <c>chpat_</c> and 32 random bytes, URL-safe (49
/// characters in all). The prefix makes a leaked token easy to find with grep or a secret scanner and lets
/// the authentication choose this scheme without a lookup. 256 random bits need no slow hash: SHA-256 of
/// the secret is stored and looked up.</summary>
public static class TokenSecret
{
    public const string Prefix = "chpat_";
    private const int RandomBytes = 32;
    /// <summary>43 URL-safe characters encode the 32 bytes.</summary>
    public const int Length = 6 + 43;
    public const int HintLength = 10;

    public static string New() => Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(RandomBytes));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    public static string Hint(string secret) => secret[..HintLength];

    /// <summary>Refuses anything that cannot be one of ours before the database is asked.</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: Length }
        && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && secret.AsSpan(Prefix.Length).ContainsAnyExcept(UrlSafe) is false;

    private static readonly System.Buffers.SearchValues<char> UrlSafe =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
