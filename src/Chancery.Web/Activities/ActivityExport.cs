using System.Runtime.CompilerServices;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>Activities in the activities.csv columns, so an export imported back changes nothing.
/// The caller gives the activities (the list's filter, read through the classification filter, so
/// the file holds only what the reader may see); they are read one by one while the file is written.</summary>
public static class ActivityExport
{
    /// <summary>The file's order when the reader asked for none: by start date, as the import expects.</summary>
    public static readonly ListSort FileOrder = new("date", Descending: false);

    public static IReadOnlyList<string> Headers { get; } = ActivityImportDefinition.Format.Select(c => c.Name).ToList();

    public static async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(IQueryable<Activity> activities, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = activities.AsNoTracking()
            .Select(a => new
            {
                a.ExternalRef, a.Kind, a.DateStart, a.DateEnd, a.Status, a.LeaderRoleText, Leader = a.LeadPerson == null ? null : a.LeadPerson.FullName,
                a.Direction, Countries = a.Legs.OrderBy(l => l.Order).Select(l => l.CountryIso3).ToList(),
                Counterpart = a.CounterpartPerson == null ? null : a.CounterpartPerson.FullName, a.CounterpartRoleText, a.HostOrVenue, a.Title, a.TitleEn,
                PartOf = a.PartOf == null ? null : a.PartOf.ExternalRef, a.Channel, a.Classification, a.Sources, a.Notes,
            })
            .AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            yield return
            [
                a.ExternalRef, Codes<ActivityKind>.ToCode(a.Kind), IsoDate.Format(a.DateStart), IsoDate.Format(a.DateEnd),
                Codes<ActivityStatus>.ToCode(a.Status), a.LeaderRoleText, a.Leader, Codes<ActivityDirection>.ToCode(a.Direction),
                string.Join(';', a.Countries), a.Counterpart, a.CounterpartRoleText, a.HostOrVenue, a.Title, a.PartOf,
                a.Channel is { } c ? Codes<ActivityChannel>.ToCode(c) : null, a.Classification.ToCode(), a.Sources, a.Notes,
                null, // leader_office_change: an instruction to an import, not something stored
                a.TitleEn,
            ];
        }
    }
}
