using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>Framework events in the import format: the DOMAIN columns first, then official_name,
/// announced_by and classification, so an export imported back changes nothing. Reads through the
/// classification filter, so it holds only what the caller may see.</summary>
public static class PartnershipExport
{
    public static async Task<(IReadOnlyList<string> Headers, List<IReadOnlyList<string?>> Rows)> RowsAsync(ChanceryDbContext db, CancellationToken ct)
    {
        var events = await db.FrameworkEvents.AsNoTracking().Include(e => e.Partner)
            .Where(e => e.Partner != null)
            .ToListAsync(ct);
        var rows = events
            .OrderBy(e => e.Partner!.Code, StringComparer.Ordinal).ThenBy(e => e.Date).ThenBy(e => e.Level)
            .Select(e => (IReadOnlyList<string?>)
            [
                e.Partner!.Code, e.Partner.NameEn, e.Level.ToCode(), e.When.ToIso(), e.PreviousLevel, e.Source, e.Notes,
                e.OfficialName, e.AnnouncedBy, e.Classification.ToCode(),
            ])
            .ToList();
        return (PartnershipImportDefinition.Format.Select(c => c.Name).ToList(), rows);
    }
}
