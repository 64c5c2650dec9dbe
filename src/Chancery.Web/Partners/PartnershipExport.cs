using System.Runtime.CompilerServices;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>Framework events in the import format: the DOMAIN columns first, then official_name,
/// announced_by and classification, so an export imported back changes nothing. Reads through the
/// classification filter, so it holds only what the caller may see; read one by one while the file is written.</summary>
public static class PartnershipExport
{
    public static IReadOnlyList<string> Headers { get; } = PartnershipImportDefinition.Format.Select(c => c.Name).ToList();

    /// <summary>The events of <paramref name="partnerIds"/> (the partner list's filter), or of every partner when null.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(ChanceryDbContext db, IReadOnlyCollection<int>? partnerIds,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var events = db.FrameworkEvents.AsNoTracking().Where(e => e.Partner != null);
        if (partnerIds is not null) events = events.Where(e => partnerIds.Contains(e.PartnerId));
        var rows = events.OrderBy(e => e.Partner!.Code).ThenBy(e => e.Date).ThenBy(e => e.Level).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Partner!.Code, e.Partner.NameEn, e.Level, e.Date, e.Precision, e.PreviousLevel, e.Source, e.Notes,
                e.OfficialName, e.AnnouncedBy, e.Classification,
            })
            .AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
        {
            yield return
            [
                e.Code, e.NameEn, e.Level.ToCode(), new PartialDate(e.Date, e.Precision).ToIso(), e.PreviousLevel, e.Source, e.Notes,
                e.OfficialName, e.AnnouncedBy, e.Classification.ToCode(),
            ];
        }
    }
}
