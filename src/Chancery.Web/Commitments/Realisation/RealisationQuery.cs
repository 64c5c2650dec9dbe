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

    /// <summary>Only the figures (GET /api/v1/reports/realisation, the benchmark's app path): the same commitments
    /// as <see cref="LoadAsync"/>, read in one round trip with their deliveries' amounts (a row per delivery, one
    /// for a commitment without any), without the titles the records need, and the units only to group by them.</summary>
    public async Task<RealisationReport> ReportAsync(DateOnly from, DateOnly to, RealisationGrouping by, CancellationToken ct)
    {
        var chosen = db.Commitments.AsNoTracking()
            .Where(c => c.PledgedDate >= from && c.PledgedDate <= to && c.Status != CommitmentStatus.Cancelled);
        var rows = await (from c in chosen
                          from d in c.Deliveries.Where(x => x.Amount != null).DefaultIfEmpty()
                          select new { c.Id, c.ExternalRef, c.PartnerCode, c.Sector, c.OwnerUnitId, c.Status, c.Amount, c.Unit, c.PledgedDate, Delivered = d.Amount })
            .ToListAsync(ct);
        var units = by == RealisationGrouping.Unit
            ? await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct)
            : [];
        // Decimals are added here, not in SQL: SQLite keeps them as text.
        var inputs = rows.GroupBy(r => r.Id).Select(g =>
        {
            var r = g.First();
            return new RealisationInput(r.Id, r.ExternalRef, "", r.PartnerCode, r.Sector, r.OwnerUnitId is { } u ? units.GetValueOrDefault(u) : null,
                r.Status, r.Amount, r.Unit, r.PledgedDate, g.Sum(x => x.Delivered ?? 0m));
        });
        return RealisationCalculator.Compute(inputs, await RatesAsync(ct), by).Report;
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
