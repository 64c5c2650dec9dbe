using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Home;

/// <summary>Whether the reader follows a person, after a follow or an unfollow.</summary>
public sealed record FollowState(int PersonId, bool Following);

/// <summary>Follows and unfollows leaders for the signed-in reader. Both are idempotent (following a
/// leader twice is one following); a person who does not exist is NotFound.</summary>
public sealed class FollowingWriter(ChanceryDbContext db, ICurrentUser reader, TimeProvider clock)
{
    public async Task<WriteOutcome<FollowState>> FollowAsync(int personId, CancellationToken ct)
    {
        if (reader.UserId is not { } user || !await db.People.AnyAsync(p => p.Id == personId, ct)) return WriteOutcome<FollowState>.NotFound();
        if (!await db.FollowedLeaders.AnyAsync(f => f.UserId == user && f.PersonId == personId, ct))
        {
            db.FollowedLeaders.Add(new FollowedLeader { UserId = user, PersonId = personId, Since = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A second click that raced the first: the unique index kept one following, which is the
                // outcome asked for. Anything else is a real failure.
                db.ChangeTracker.Clear();
                if (!await db.FollowedLeaders.AnyAsync(f => f.UserId == user && f.PersonId == personId, ct)) throw;
            }
        }
        return WriteOutcome<FollowState>.Saved(new FollowState(personId, true));
    }

    public async Task<WriteOutcome<FollowState>> UnfollowAsync(int personId, CancellationToken ct)
    {
        if (reader.UserId is not { } user || !await db.People.AnyAsync(p => p.Id == personId, ct)) return WriteOutcome<FollowState>.NotFound();
        await db.FollowedLeaders.Where(f => f.UserId == user && f.PersonId == personId).ExecuteDeleteAsync(ct);
        return WriteOutcome<FollowState>.Saved(new FollowState(personId, false));
    }
}
