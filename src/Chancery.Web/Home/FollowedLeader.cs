using Chancery.Web.Common.Audit;

namespace Chancery.Web.Home;

/// <summary>A leader (a person) a user follows: their activities open the user's home page. A reading
/// preference of one user, not a record of the sector, so it stays out of the audit trail.</summary>
public sealed class FollowedLeader : INotAudited
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int PersonId { get; set; }
    /// <summary>UTC; the list shows leaders in the order they were followed.</summary>
    public DateTime Since { get; set; }
}
