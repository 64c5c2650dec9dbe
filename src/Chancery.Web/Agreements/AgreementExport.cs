using System.Runtime.CompilerServices;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Agreements;

/// <summary>Agreements in the agreements.csv columns, so an export imported back changes nothing; the
/// list's filters select them (through the classification filter); read one by one while the file is written.</summary>
public static class AgreementExport
{
    public static IReadOnlyList<string> Headers { get; } = AgreementImportDefinition.Format.Select(c => c.Name).ToList();

    public static async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(ChanceryDbContext db, IQueryable<Agreement> agreements, DateOnly today,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Extension properties cannot appear inside the expression: the sets are taken first. Not
        // IgnoreQueryFilters on the partners: inside the query it would lift the agreements' filter too.
        var units = db.Units;
        var partners = db.Partners;
        var rows = agreements.Select(a => new
        {
            a.Id, a.ExternalRef, a.Type, a.Channel, a.TitleVi, a.TitleEn, a.OurSignatory, a.TheirSignatory, a.SignedDate, a.SignedPlace,
            Activity = a.Activity == null ? null : a.Activity.ExternalRef, a.EntryIntoForce, a.ExpiryDate, a.Status, a.Themes,
            Unit = units.Where(u => u.Id == a.OwnerUnitId).Select(u => u.Code).FirstOrDefault(), a.Classification, a.Sources, a.Notes,
            Parties = a.Parties.OrderBy(p => p.Order).Select(p => partners.Where(x => x.Id == p.PartnerId).Select(x => x.Code).FirstOrDefault()).ToList(),
        }).AsAsyncEnumerable();
        static string? Date(DateOnly? d) => d is { } x ? IsoDate.Format(x) : null;
        await foreach (var a in rows.WithCancellation(ct))
        {
            yield return
            [
                a.ExternalRef, Codes<AgreementType>.ToCode(a.Type), a.Channel is { } c ? Codes<ActivityChannel>.ToCode(c) : null, a.TitleVi, a.TitleEn,
                string.Join(';', a.Parties), a.OurSignatory, a.TheirSignatory, Date(a.SignedDate), a.SignedPlace, a.Activity,
                Date(a.EntryIntoForce), Date(a.ExpiryDate), Codes<AgreementStatus>.ToCode(AgreementStatusRule.Shown(a.Status, a.ExpiryDate, today)), string.Join(';', a.Themes.Split(';', StringSplitOptions.RemoveEmptyEntries)),
                a.Unit, a.Classification.ToCode(), a.Sources, a.Notes,
            ];
        }
    }
}
