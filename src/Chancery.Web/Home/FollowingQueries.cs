using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Chancery.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Home;

/// <summary>The leaders whose activities open a reader's home page: those the reader chose to follow,
/// or, while they chose no one, our tier-1 leaders of the day (<see cref="Chosen"/> false), so that the
/// page says so and points to where to choose.</summary>
public sealed record ReaderLeaders(IReadOnlyList<LeaderName> Leaders, bool Chosen);

/// <summary>Reads the signed-in reader's followed leaders.</summary>
public sealed class FollowingQueries(ChanceryDbContext db, ICurrentUser reader, TimeProvider clock, PeopleQueries people)
{
    public async Task<ReaderLeaders> LeadersAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var followed = await FollowedIdsAsync(ct);
        return followed.Count > 0
            ? new ReaderLeaders(await TopLeaders.NamesAsync(db, followed, today, ct), true)
            : new ReaderLeaders(await TopLeaders.OnAsync(db, today, ct), false);
    }

    public async Task<bool> FollowsAsync(int personId, CancellationToken ct) =>
        reader.UserId is { } user && await db.FollowedLeaders.AnyAsync(f => f.UserId == user && f.PersonId == personId, ct);

    public async Task<List<int>> FollowedIdsAsync(CancellationToken ct) => reader.UserId is { } user
        ? await db.FollowedLeaders.AsNoTracking().Where(f => f.UserId == user).OrderBy(f => f.Since).Select(f => f.PersonId).ToListAsync(ct)
        : [];

    /// <summary>Our people whose name matches <paramref name="q"/> (diacritics ignored), to follow.</summary>
    public async Task<IReadOnlyList<PersonListItem>> CandidatesAsync(string? q, int take, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return [];
        var found = await people.ListAsync(new PeopleFilter(q, "domestic", 1, take), clock.Today(), ct);
        return found.Items;
    }
}
