using Chancery.Web.Agreements;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments;

/// <summary>Where a commitment comes from besides an activity: an agreement (the Agreements module's
/// root type), found through its classification filter (one the writer cannot see does not exist).</summary>
internal static class CommitmentOrigins
{
    public static Task<bool> AgreementExistsAsync(ChanceryDbContext db, int id, CancellationToken ct) =>
        db.Agreements.AnyAsync(a => a.Id == id, ct);
}
