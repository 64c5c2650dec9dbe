using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments.Realisation;

/// <summary>Reads what the realisation report needs (commitments pledged in the period that the reader
/// may see, the sums of their deliveries, the rates) and hands it to <see cref="RealisationCalculator"/>.
/// A commitment above the reader's clearance is not read at all, so it leaves no trace in any figure or list.</summary>
public sealed class RealisationQuery(ChanceryDbContext db)
{
    public sealed record Result(RealisationReport Report, IReadOnlyList<RealisationLine> Lines);

    /// <summary>The commitments the reader may see pledged in [from, to] (not cancelled), with what was delivered of each, and the rates.</summary>
    /// <param name="partner">Only this partner's commitments (the partner page), when given.</param>
    public async Task<(List<RealisationInput> Inputs, IReadOnlyDictionary<(int Year, string Currency), decimal> Rates)> LoadAsync(
        DateOnly from, DateOnly to, CancellationToken ct, string? partner = null)
    {
        var chosen = db.Commitments.AsNoTracking()
            .Where(c => c.PledgedDate >= from && c.PledgedDate <= to && c.Status != CommitmentStatus.Cancelled);
        if (partner is not null) chosen = chosen.Where(c => c.PartnerCode == partner);
        var rows = await chosen.Select(c => new
        {
            c.Id, c.ExternalRef, c.Title, c.PartnerCode, c.Sector, c.OwnerUnitId, c.Status, c.Amount, c.Unit, c.PledgedDate,
        }).ToListAsync(ct);
        // Decimals are added here, not in SQL: SQLite keeps them as text.
        var delivered = (await chosen.SelectMany(c => c.Deliveries).Where(d => d.Amount != null)
                .Select(d => new { d.CommitmentId, d.Amount }).ToListAsync(ct))
            .GroupBy(d => d.CommitmentId).ToDictionary(g => g.Key, g => g.Sum(d => d.Amount!.Value));
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var inputs = rows.Select(r => new RealisationInput(r.Id, r.ExternalRef, r.Title, r.PartnerCode, r.Sector,
            r.OwnerUnitId is { } u ? units.GetValueOrDefault(u) : null, r.Status, r.Amount, r.Unit, r.PledgedDate, delivered.GetValueOrDefault(r.Id))).ToList();
        return (inputs, await RatesAsync(ct));
    }

    /// <summary>What <see cref="ReportAsync"/> reads of a commitment: no title, reference or status (cancelled ones are
    /// not read), the sector only to group by it.</summary>
    private sealed record Row(int Id, string PartnerCode, CommitmentSector Sector, int? OwnerUnitId, decimal? Amount, string? Unit, DateOnly PledgedDate, decimal? Delivered);

    /// <summary>Only the figures (GET /api/v1/reports/realisation, the benchmark's app path): the same commitments
    /// as <see cref="LoadAsync"/>, in one round trip, summed as they are read (<see cref="RealisationTally"/>) rather than
    /// kept. PostgreSQL sums each commitment's deliveries (numeric is exact); SQLite keeps decimals as text, so its
    /// rows come one per delivery, a commitment's together (ordered by id), and are added here. The references of
    /// the few unconverted commitments are read afterwards.</summary>
    public async Task<RealisationReport> ReportAsync(DateOnly from, DateOnly to, RealisationGrouping by, CancellationToken ct)
    {
        var rates = await RatesAsync(ct);
        var units = by == RealisationGrouping.Unit
            ? await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct)
            : [];
        var chosen = db.Commitments.AsNoTracking()
            .Where(c => c.PledgedDate >= from && c.PledgedDate <= to && c.Status != CommitmentStatus.Cancelled);
        var bySector = by == RealisationGrouping.Sector;
        IQueryable<Row> rows;
        if (db.Database.IsNpgsql())
        {
            var sums = db.Deliveries.Where(d => d.Amount != null).GroupBy(d => d.CommitmentId).Select(g => new { g.Key, Sum = g.Sum(d => d.Amount) });
            rows = bySector
                ? from c in chosen join d in sums on c.Id equals d.Key into j from d in j.DefaultIfEmpty()
                  select new Row(c.Id, c.PartnerCode, c.Sector, c.OwnerUnitId, c.Amount, c.Unit, c.PledgedDate, d.Sum)
                : from c in chosen join d in sums on c.Id equals d.Key into j from d in j.DefaultIfEmpty()
                  select new Row(c.Id, c.PartnerCode, CommitmentSector.Other, c.OwnerUnitId, c.Amount, c.Unit, c.PledgedDate, d.Sum);
        }
        else
        {
            // The sector (an enum kept as text) is only read when grouping by it: parsing it for every row costs.
            rows = bySector
                ? from c in chosen from d in c.Deliveries.Where(x => x.Amount != null).DefaultIfEmpty() orderby c.Id
                  select new Row(c.Id, c.PartnerCode, c.Sector, c.OwnerUnitId, c.Amount, c.Unit, c.PledgedDate, d.Amount)
                : from c in chosen from d in c.Deliveries.Where(x => x.Amount != null).DefaultIfEmpty() orderby c.Id
                  select new Row(c.Id, c.PartnerCode, CommitmentSector.Other, c.OwnerUnitId, c.Amount, c.Unit, c.PledgedDate, d.Amount);
        }

        var tally = new RealisationTally();
        var unconverted = new List<(int Id, string Unit, int Year)>();
        Row? current = null;
        decimal delivered = 0;
        void Close()
        {
            var c = current!;
            var key = by switch
            {
                RealisationGrouping.Partner => c.PartnerCode,
                RealisationGrouping.Sector => Common.Api.Codes<CommitmentSector>.ToCode(c.Sector),
                RealisationGrouping.Year => c.PledgedDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => c.OwnerUnitId is { } u ? units.GetValueOrDefault(u) : null,
            };
            var counted = RealisationCalculator.Count(c.Amount, c.Unit, c.PledgedDate.Year, delivered, rates);
            tally.Add(key, counted, c.Amount, c.Unit, delivered);
            if (counted.Unconverted) unconverted.Add((c.Id, c.Unit!, c.PledgedDate.Year));
        }
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (current is null || row.Id != current.Id)
            {
                if (current is not null) Close();
                current = row;
                delivered = 0;
            }
            delivered += row.Delivered ?? 0m;
        }
        if (current is not null) Close();

        if (unconverted.Count > 0)
        {
            var ids = unconverted.Select(u => u.Id).ToList();
            var refs = await db.Commitments.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id))
                .Select(c => new { c.Id, c.ExternalRef }).ToDictionaryAsync(c => c.Id, c => c.ExternalRef, ct);
            foreach (var (id, unit, year) in unconverted) tally.Unconverted(id, refs[id], unit, year);
        }
        return tally.Report();
    }

    /// <param name="partner">Only this partner's commitments (the partner page), when given.</param>
    public async Task<Result> ComputeAsync(DateOnly from, DateOnly to, RealisationGrouping by, CancellationToken ct, string? partner = null)
    {
        var (inputs, rates) = await LoadAsync(from, to, ct, partner);
        var (report, lines) = RealisationCalculator.Compute(inputs, rates, by);
        return new Result(report, lines);
    }

    public async Task<IReadOnlyDictionary<(int Year, string Currency), decimal>> RatesAsync(CancellationToken ct) =>
        (await db.ExchangeRates.AsNoTracking().Select(r => new { r.Year, r.Currency, r.UsdPerUnit }).ToListAsync(ct))
            .ToDictionary(r => (r.Year, r.Currency), r => r.UsdPerUnit);
}
