using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>The countries a reader or writer knows: every country record at or below their clearance,
/// in the bin or not (a country in the bin is still named and may still be named on a record). One
/// definition for the pickers, the names pages show and every writer or import that takes a country
/// code, so that a country whose record is classified above the writer is, to them, not recorded: a
/// code naming it is refused in the very words of an unknown code, and no path tells it exists.</summary>
public static class KnownCountries
{
    public static IQueryable<Partner> Query(ChanceryDbContext db) =>
        db.Partners.IgnoreQueryFilters([ChanceryDbContext.DeletedFilter]).Where(p => p.Kind == PartnerKind.Country);

    /// <summary>Which of <paramref name="codes"/> (upper case) name a country the writer knows.</summary>
    public static async Task<HashSet<string>> AmongAsync(ChanceryDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct) =>
        codes.Count == 0 ? [] : (await Query(db).Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every code the writer knows (an import checks thousands of rows against them).</summary>
    public static async Task<HashSet<string>> AllAsync(ChanceryDbContext db, CancellationToken ct) =>
        (await Query(db).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
