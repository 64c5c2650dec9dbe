using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// as <see cref="LoadAsync"/>, in one round trip, summed as they are read (<see cref="RealisationTally"/>) rather than
    /// kept. PostgreSQL sums each commitment's deliveries (numeric is exact); SQLite keeps decimals as text, so its
    /// rows come one per delivery, a commitment's together (ordered by id), and are added here.
    /// <para>The query is written in LINQ, so the classification filter (and every other filter of the model) is in
    /// its SQL as in any other read; only the reading is done by hand (<see cref="RelationalQueryableExtensions.CreateDbCommand"/>):
    /// a commitment's own columns are read once, from its first row, not once per delivery as a materialised row
    /// would be, and its reference only when it is unconverted. At national size that is most of the time the app
    /// spent over the hand-written floor (bench/Chancery.Benchmarks/RealisationSql.cs).</para></summary>
    public async Task<RealisationReport> ReportAsync(DateOnly from, DateOnly to, RealisationGrouping by, CancellationToken ct)
    {
        var rates = await RatesAsync(ct);
        var units = by == RealisationGrouping.Unit
            ? await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct)
            : [];
        var chosen = db.Commitments.AsNoTracking().Where(c => c.Status != CommitmentStatus.Cancelled);
        // Every pledge date (the API without dates) needs no condition on it.
        if (from != DateOnly.MinValue) chosen = chosen.Where(c => c.PledgedDate >= from);
        if (to != DateOnly.MaxValue) chosen = chosen.Where(c => c.PledgedDate <= to);
        // PostgreSQL: a delivery without an amount adds nothing to SUM, which skips nulls.
        var joined = db.Database.IsNpgsql()
            ? from c in chosen
              join d in db.Deliveries.GroupBy(d => d.CommitmentId).Select(g => new { g.Key, Sum = g.Sum(d => d.Amount) })
                  on c.Id equals d.Key into j
              from d in j.DefaultIfEmpty()
              select new { c, Delivered = d.Sum }
            : from c in chosen
              from d in c.Deliveries.Where(x => x.Amount != null).DefaultIfEmpty()
              orderby c.Id
              select new { c, Delivered = d.Amount };
        // Only the columns the figures need, in the order of Column (below): the key only when grouping by a column,
        // the reference only read for an unconverted commitment.
        IQueryable<object> rows = by switch
        {
            RealisationGrouping.Partner => joined.Select(x => new { x.c.Id, x.c.Amount, x.c.Unit, x.c.PledgedDate, x.Delivered, x.c.ExternalRef, Key = x.c.PartnerCode }),
            RealisationGrouping.Sector => joined.Select(x => new { x.c.Id, x.c.Amount, x.c.Unit, x.c.PledgedDate, x.Delivered, x.c.ExternalRef, Key = x.c.Sector }),
            RealisationGrouping.Year => joined.Select(x => new { x.c.Id, x.c.Amount, x.c.Unit, x.c.PledgedDate, x.Delivered, x.c.ExternalRef }),
            _ => joined.Select(x => new { x.c.Id, x.c.Amount, x.c.Unit, x.c.PledgedDate, x.Delivered, x.c.ExternalRef, Key = x.c.OwnerUnitId }),
        };
        var sector = db.Model.FindEntityType(typeof(Commitment))!.FindProperty(nameof(Commitment.Sector))!.GetTypeMapping().Converter!;

        var tally = new RealisationTally();
        await using var command = rows.CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await PlanForThisClearanceAsync(ct);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var read = false;
            int id = 0;
            string? key = null, unit = null;
            decimal? amount = null;
            var conversion = default(RealisationCalculator.Conversion);
            decimal delivered = 0;
            void Close() => tally.Add(key, RealisationCalculator.Count(amount, conversion, delivered), amount, unit, delivered);
            while (await reader.ReadAsync(ct))
            {
                var rowId = reader.GetInt32(Column.Id);
                if (!read || rowId != id)
                {
                    if (read) Close();
                    read = true;
                    id = rowId;
                    amount = reader.IsDBNull(Column.Amount) ? null : reader.GetDecimal(Column.Amount);
                    unit = reader.IsDBNull(Column.Unit) ? null : reader.GetString(Column.Unit);
                    var year = reader.GetFieldValue<DateOnly>(Column.PledgedDate).Year;
                    conversion = RealisationCalculator.ConversionOf(amount, unit, year, rates);
                    if (conversion.Unconverted) tally.Unconverted(id, reader.GetString(Column.Ref), unit!, year);
                    key = by switch
                    {
                        RealisationGrouping.Partner => reader.GetString(Column.Key),
                        RealisationGrouping.Sector => Common.Api.Codes<CommitmentSector>.ToCode((CommitmentSector)sector.ConvertFromProvider(reader.GetValue(Column.Key))!),
                        RealisationGrouping.Year => year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => reader.IsDBNull(Column.Key) ? null : units.GetValueOrDefault(reader.GetInt32(Column.Key)),
                    };
                    delivered = 0;
                }
                if (!reader.IsDBNull(Column.Delivered)) delivered += reader.GetDecimal(Column.Delivered);
            }
            if (read) Close();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return tally.Report();
    }

    /// <summary>PostgreSQL: Npgsql prepares a statement once it has run twice (DatabaseServiceCollectionExtensions.WithAutoPrepare),
    /// and after five runs PostgreSQL may keep a generic plan for it. A generic plan cannot know the reader's clearance (the
    /// classification filter's parameter), guesses a third of the commitments pass it, and joins them to the deliveries'
    /// sums by a hash that no longer fits in memory (measured on 300,000 commitments: 1.8 s against 0.7 s for the merge
    /// join on the keys the plan for the actual clearance uses). So this statement is planned for the actual clearance every
    /// time, inside a transaction of its own (SET LOCAL ends with it); planning it takes about a millisecond.</summary>
    private async Task<IDbContextTransaction?> PlanForThisClearanceAsync(CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return null;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
        return own;
    }

    /// <summary>The ordinals of the columns <see cref="ReportAsync"/> selects, in the order of its projection.</summary>
    private static class Column
    {
        public const int Id = 0, Amount = 1, Unit = 2, PledgedDate = 3, Delivered = 4, Ref = 5, Key = 6;
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
