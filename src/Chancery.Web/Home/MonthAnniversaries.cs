using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Chancery.Web.Partners;

namespace Chancery.Web.Home;

/// <summary>The round anniversaries of relationship frameworks falling in the sector's current month
/// (the rule is the Partners module's: <see cref="FrameworkAnniversaries"/>).</summary>
public sealed class MonthAnniversaries(ChanceryDbContext db, TimeProvider clock)
{
    public Task<List<FrameworkAnniversary>> ThisMonthAsync(CancellationToken ct) => FrameworkAnniversaries.InMonthOfAsync(db, clock.Today(), ct);
}
