namespace Chancery.Web.Commitments.Realisation;

/// <summary>One commitment as the calculation needs it: the amount delivered is the sum of its
/// deliveries' amounts (in its unit), whatever their dates.</summary>
public sealed record RealisationInput(
    int Id, string Ref, string Title, string PartnerCode, CommitmentSector Sector, string? OwnerUnitCode, CommitmentStatus Status,
    decimal? Amount, string? Unit, DateOnly PledgedDate, decimal Delivered);

/// <summary>A commitment's figures in USD, as the report counted it (null where it was not summed:
/// no amount, a count unit, or no rate for its currency and year).</summary>
public sealed record RealisationLine(RealisationInput Commitment, string? Key, decimal? Rate, decimal? PledgedUsd, decimal? DeliveredUsd,
    decimal? RealisedUsd, decimal? OverDeliveredUsd, bool Unconverted);

/// <summary>DOMAIN's rules for "turning commitments into resources", on commitments already chosen
/// (those the reader may see, pledged in the period). Pure: the database is read elsewhere
/// (<see cref="RealisationQuery"/>), so the rules are tested on numbers worked out by hand.
/// <list type="bullet">
/// <item>Cancelled commitments are left out entirely; lapsed ones stay in.</item>
/// <item>Money is converted at the rate of the pledge's year, for the pledge and every delivery (USD needs none);
/// a currency without a rate that year is listed as unconverted, never guessed, and not summed.</item>
/// <item>Realised = min(delivered, pledged) per commitment; the excess is over-delivery.</item>
/// <item>Count units are summed per unit (pledged, delivered as delivered), never converted.</item>
/// <item>Share = realised / pledged over money, from the unrounded sums; amounts are rounded to cents
/// and the share to four decimals only in the answer.</item>
/// </list></summary>
public static class RealisationCalculator
{
    public static (RealisationReport Report, IReadOnlyList<RealisationLine> Lines) Compute(
        IEnumerable<RealisationInput> commitments, IReadOnlyDictionary<(int Year, string Currency), decimal> rates, RealisationGrouping by)
    {
        var lines = commitments.Where(c => c.Status != CommitmentStatus.Cancelled).Select(c => Line(c, rates, by)).ToList();
        var total = Figures(lines);
        var groups = lines.GroupBy(l => l.Key)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => RealisationGroup.Of(g.Key, Figures(g.ToList()))).ToList();
        var unconverted = lines.Where(l => l.Unconverted)
            .OrderBy(l => l.Commitment.PledgedDate.Year).ThenBy(l => l.Commitment.Ref, StringComparer.Ordinal)
            .Select(l => new UnconvertedCommitment(l.Commitment.Id, l.Commitment.Ref, l.Commitment.Unit!, l.Commitment.PledgedDate.Year)).ToList();
        return (new RealisationReport(total, groups, unconverted), lines);
    }

    public static string? KeyOf(RealisationInput c, RealisationGrouping by) => by switch
    {
        RealisationGrouping.Partner => c.PartnerCode,
        RealisationGrouping.Sector => Common.Api.Codes<CommitmentSector>.ToCode(c.Sector),
        RealisationGrouping.Year => c.PledgedDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => c.OwnerUnitCode,
    };

    private static RealisationLine Line(RealisationInput c, IReadOnlyDictionary<(int, string), decimal> rates, RealisationGrouping by)
    {
        var key = KeyOf(c, by);
        if (c.Amount is not { } amount || !CommitmentUnits.IsCurrency(c.Unit))
            return new RealisationLine(c, key, null, null, null, null, null, false);
        decimal rate;
        if (c.Unit == CommitmentUnits.Usd) rate = 1m;
        else if (!rates.TryGetValue((c.PledgedDate.Year, c.Unit!), out rate))
            return new RealisationLine(c, key, null, null, null, null, null, true);
        var pledged = amount * rate;
        var delivered = c.Delivered * rate;
        var realised = Math.Min(delivered, pledged);
        return new RealisationLine(c, key, rate, pledged, delivered, realised, delivered - realised, false);
    }

    private static RealisationFigures Figures(IReadOnlyList<RealisationLine> lines)
    {
        decimal pledged = 0, realised = 0, over = 0;
        foreach (var l in lines.Where(l => l.PledgedUsd is not null))
        {
            pledged += l.PledgedUsd!.Value;
            realised += l.RealisedUsd!.Value;
            over += l.OverDeliveredUsd!.Value;
        }
        var counts = lines.Where(l => l.Commitment.Amount is not null && CommitmentUnits.IsCount(l.Commitment.Unit))
            .GroupBy(l => l.Commitment.Unit!)
            .OrderBy(g => Array.IndexOf(CommitmentUnits.Counts, g.Key))
            .Select(g => new CountFigure(g.Key, g.Sum(l => l.Commitment.Amount!.Value), g.Sum(l => l.Commitment.Delivered)))
            .ToList();
        return new RealisationFigures(lines.Count, Cents(pledged), Cents(realised), Cents(over),
            pledged == 0 ? null : Math.Round(realised / pledged, 4, MidpointRounding.AwayFromZero), counts);
    }

    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
