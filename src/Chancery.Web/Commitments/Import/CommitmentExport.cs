using System.Globalization;
using System.Runtime.CompilerServices;
using Chancery.Web.Agreements;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments.Import;

/// <summary>Commitments, deliveries and rates in their import formats, so an export imported back changes
/// nothing. Read through the classification filter (a delivery through its commitment), row by row while
/// the file is written.</summary>
public static class CommitmentExport
{
    public static readonly ListSort FileOrder = new("pledged", Descending: false);

    public static IReadOnlyList<string> CommitmentHeaders { get; } = CommitmentImportDefinition.Format.Select(c => c.Name).ToList();
    public static IReadOnlyList<string> DeliveryHeaders { get; } = DeliveryImportDefinition.Format.Select(c => c.Name).ToList();
    public static IReadOnlyList<string> RateHeaders { get; } = ExchangeRateImportDefinition.Format.Select(c => c.Name).ToList();

    private static string? Num(decimal? v) => v?.ToString("0.############", CultureInfo.InvariantCulture);

    public static async IAsyncEnumerable<IReadOnlyList<string?>> CommitmentsAsync(ChanceryDbContext db, IQueryable<Commitment> commitments,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Referenced records by their file id: only those the reader may see (their own filters apply).
        var agreements = db.Agreements;
        var activities = db.Activities;
        var units = db.Units;
        var rows = commitments.AsNoTracking().Select(c => new
        {
            c.ExternalRef, Agreement = agreements.Where(a => a.Id == c.AgreementId).Select(a => a.ExternalRef).FirstOrDefault(),
            Activity = activities.Where(a => a.Id == c.ActivityId).Select(a => a.ExternalRef).FirstOrDefault(),
            c.PartnerCode, c.Direction, c.Sector, c.Title, c.Amount, c.Unit, c.PledgedDate, c.DueDate,
            OwnerUnit = units.Where(u => u.Id == c.OwnerUnitId).Select(u => u.Code).FirstOrDefault(),
            c.Status, c.Themes, c.Classification, c.Sources, c.Notes,
        }).AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            yield return
            [
                c.ExternalRef, c.Agreement, c.Activity, c.PartnerCode, Codes<CommitmentDirection>.ToCode(c.Direction), Codes<CommitmentSector>.ToCode(c.Sector),
                c.Title, Num(c.Amount), c.Unit, IsoDate.Format(c.PledgedDate), c.DueDate is { } d ? IsoDate.Format(d) : null, c.OwnerUnit,
                Codes<CommitmentStatus>.ToCode(c.Status), string.Join(';', c.Themes.Split(';', StringSplitOptions.RemoveEmptyEntries)),
                c.Classification.ToCode(), c.Sources, c.Notes,
            ];
        }
    }

    /// <summary>The deliveries of <paramref name="commitments"/> (the commitment list's filters, through the
    /// classification filter: a hidden commitment hides its deliveries).</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string?>> DeliveriesAsync(ChanceryDbContext db, IQueryable<Commitment> commitments,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.Deliveries.AsNoTracking()
            .Join(commitments, d => d.CommitmentId, c => c.Id,
                (d, c) => new { d.Id, d.ExternalRef, Commitment = c.ExternalRef, c.PledgedDate, CommitmentId = c.Id, d.Date, d.Amount, d.Evidence, d.Source })
            .OrderBy(d => d.PledgedDate).ThenBy(d => d.CommitmentId).ThenBy(d => d.Date).ThenBy(d => d.Id)
            .AsAsyncEnumerable();
        await foreach (var d in rows.WithCancellation(ct))
            yield return [d.ExternalRef, d.Commitment, IsoDate.Format(d.Date), Num(d.Amount), d.Evidence, d.Source];
    }

    public static async IAsyncEnumerable<IReadOnlyList<string?>> RatesAsync(ChanceryDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.ExchangeRates.AsNoTracking().OrderBy(r => r.Year).ThenBy(r => r.Currency).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
            yield return [r.Year.ToString(CultureInfo.InvariantCulture), r.Currency, Num(r.UsdPerUnit), r.Source];
    }
}
