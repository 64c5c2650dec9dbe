namespace Chancery.Web.Common.Security.Tokens;

/// <summary>What a personal access token may do, in the API's codes (<c>read</c>, <c>read_write</c>,
/// <c>calendar</c>). Within its scope a token is still its user: their current role and clearance decide
/// the rest.</summary>
public enum TokenScope
{
    /// <summary>GET and HEAD on the API; every write answers 403.</summary>
    Read,
    /// <summary>Everything the user may do through the API.</summary>
    ReadWrite,
    /// <summary>Only the user's calendar feed (the address carries the token); the API answers 403.</summary>
    Calendar,
}
