using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>Activities in the activities.csv columns, so an export imported back changes nothing.
/// Reads through the classification filter, so it holds only what the caller may see.</summary>
public static class ActivityExport
{
    public static async Task<(IReadOnlyList<string> Headers, List<IReadOnlyList<string?>> Rows)> RowsAsync(ChanceryDbContext db, CancellationToken ct)
    {
        var rows = await db.Activities.AsNoTracking().OrderBy(a => a.DateStart).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.ExternalRef, a.Kind, a.DateStart, a.DateEnd, a.Status, a.LeaderRoleText, Leader = a.LeadPerson == null ? null : a.LeadPerson.FullName,
                a.Direction, Countries = a.Legs.OrderBy(l => l.Order).Select(l => l.CountryIso3).ToList(),
                Counterpart = a.CounterpartPerson == null ? null : a.CounterpartPerson.FullName, a.CounterpartRoleText, a.HostOrVenue, a.Title,
                PartOf = a.PartOf == null ? null : a.PartOf.ExternalRef, a.Channel, a.Classification, a.Sources, a.Notes,
            })
            .ToListAsync(ct);
        var cells = rows.Select(a => (IReadOnlyList<string?>)
        [
            a.ExternalRef, Codes<ActivityKind>.ToCode(a.Kind), IsoDate.Format(a.DateStart), IsoDate.Format(a.DateEnd),
            Codes<ActivityStatus>.ToCode(a.Status), a.LeaderRoleText, a.Leader, Codes<ActivityDirection>.ToCode(a.Direction),
            string.Join(';', a.Countries), a.Counterpart, a.CounterpartRoleText, a.HostOrVenue, a.Title, a.PartOf,
            a.Channel is { } c ? Codes<ActivityChannel>.ToCode(c) : null, a.Classification.ToCode(), a.Sources, a.Notes,
            null, // leader_office_change: an instruction to an import, not something stored
        ]).ToList();
        return (ActivityImportDefinition.Format.Select(c => c.Name).ToList(), cells);
    }
}
