using Chancery.Web.Activities;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Agreements;

/// <summary>What an activity's package says: the count announced (null when none was) and the agreements
/// entered so far that the reader may see.</summary>
public sealed record PackageState(int ActivityId, int? AnnouncedCount, string? Source, int Entered);

public sealed record PackageInput(int? AnnouncedCount, string? Source);

/// <summary>Reads and sets the announced count of an activity's package. An activity the reader may not see has no package for them.</summary>
public sealed class SigningPackages(ChanceryDbContext db)
{
    public async Task<PackageState?> StateAsync(int activityId, CancellationToken ct)
    {
        if (!await db.Activities.AnyAsync(a => a.Id == activityId, ct)) return null;
        var package = await db.SigningPackages.AsNoTracking().SingleOrDefaultAsync(p => p.ActivityId == activityId, ct);
        var entered = await db.Agreements.CountAsync(a => a.ActivityId == activityId, ct);
        return new PackageState(activityId, package?.AnnouncedCount, package?.Source, entered);
    }

    /// <summary>Sets (or, with no count, removes) the announced count. Null when the activity is not there for the writer.</summary>
    public async Task<(PackageState? State, Problems? Problems)> SetAsync(int activityId, PackageInput input, CancellationToken ct)
    {
        if (!await db.Activities.AnyAsync(a => a.Id == activityId, ct)) return (null, null);
        var problems = new Problems();
        if (input.AnnouncedCount is < 1 or > 10_000) problems.Add("announcedCount", ErrorCodes.Between, 1, 10_000);
        if (input.Source?.Length > 2000) problems.Add("source", ErrorCodes.TooLong, 2000);
        if (problems.Any) return (null, problems);
        var package = await db.SigningPackages.SingleOrDefaultAsync(p => p.ActivityId == activityId, ct);
        if (input.AnnouncedCount is null)
        {
            if (package is not null) db.SigningPackages.Remove(package);
        }
        else
        {
            if (package is null) db.SigningPackages.Add(package = new SigningPackage { ActivityId = activityId });
            package.AnnouncedCount = input.AnnouncedCount.Value;
            package.Source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        }
        await db.SaveChangesAsync(ct);
        return (await StateAsync(activityId, ct), null);
    }
}
