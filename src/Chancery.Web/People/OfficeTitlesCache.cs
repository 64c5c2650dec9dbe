using Chancery.Web.Data;

namespace Chancery.Web.People;

/// <summary>The offices as read for display, kept for a minute. Every activity list and page shows its
/// leaders' offices in the reader's language; loading the office table and folding every name for each
/// request cost the list API a quarter of its throughput. Offices are reference data that change rarely,
/// so another instance may show a renamed office under its old name for up to a minute; writers and
/// imports still read the table fresh (<see cref="OfficeResolver.LoadAsync"/>).</summary>
public sealed class OfficeTitlesCache(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private sealed record Held(OfficeTitles Titles, DateTimeOffset Until);

    // One reference swapped whole, so a reader on another thread sees the old pair or the new one.
    private volatile Held? _current;

    public async Task<OfficeTitles> GetAsync(ChanceryDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_current is { } held && held.Until > now) return held.Titles;
        var titles = await OfficeTitles.LoadAsync(db, ct);
        _current = new Held(titles, now + Lifetime);
        return titles;
    }
}
