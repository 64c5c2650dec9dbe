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
        var tally = new RealisationTally();
        foreach (var l in lines)
        {
            var c = l.Commitment;
            tally.Add(l.Key, new Counted(l.PledgedUsd, l.RealisedUsd, l.OverDeliveredUsd, l.Unconverted), c.Amount, c.Unit, c.Delivered);
            if (l.Unconverted) tally.Unconverted(c.Id, c.Ref, c.Unit!, c.PledgedDate.Year);
        }
        return (tally.Report(), lines);
    }

    /// <summary>What a commitment adds to the money sums (null where it adds nothing), by the rules above.</summary>
    public readonly record struct Counted(decimal? PledgedUsd, decimal? RealisedUsd, decimal? OverDeliveredUsd, bool Unconverted);

    /// <summary>The rate a commitment's money is converted at (USD at 1, else the pledge year's), null when it adds no money
    /// (no amount, a count unit) or when its currency has no rate that year, which makes it unconverted.</summary>
    public readonly record struct Conversion(decimal? Rate, bool Unconverted);

    /// <summary>How a commitment's money converts, from its amount, its unit and its pledge's year (not from what was delivered).</summary>
    public static Conversion ConversionOf(decimal? amount, string? unit, int year, IReadOnlyDictionary<(int, string), decimal> rates)
    {
        if (amount is null || !CommitmentUnits.IsCurrency(unit)) return default;
        if (unit == CommitmentUnits.Usd) return new Conversion(1m, false);
        return rates.TryGetValue((year, unit!), out var rate) ? new Conversion(rate, false) : new Conversion(null, true);
    }

    /// <summary>The rules for one commitment's money: its amount in its unit, its pledge's year, what was delivered.</summary>
    public static Counted Count(decimal? amount, string? unit, int year, decimal delivered, IReadOnlyDictionary<(int, string), decimal> rates) =>
        Count(amount, ConversionOf(amount, unit, year, rates), delivered);

    /// <summary>The same, once the conversion is known (<see cref="ConversionOf"/>).</summary>
    public static Counted Count(decimal? amount, Conversion conversion, decimal delivered)
    {
        if (conversion.Unconverted) return new Counted(null, null, null, true);
        if (amount is not { } a || conversion.Rate is not { } rate) return default;
        var pledged = a * rate;
        var got = delivered * rate;
        var realised = Math.Min(got, pledged);
        return new Counted(pledged, realised, got - realised, false);
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
        var counted = Count(c.Amount, c.Unit, c.PledgedDate.Year, c.Delivered, rates);
        if (counted.PledgedUsd is not { } pledged) return new RealisationLine(c, key, null, null, null, null, null, counted.Unconverted);
        var rate = c.Unit == CommitmentUnits.Usd ? 1m : rates[(c.PledgedDate.Year, c.Unit!)];
        return new RealisationLine(c, key, rate, pledged, c.Delivered * rate, counted.RealisedUsd, counted.OverDeliveredUsd, false);
    }
}

/// <summary>The sums of the report, a commitment at a time, without keeping the commitments: the total, each
/// group's, the count units apart, the unconverted list. <see cref="RealisationCalculator.Compute"/> fills it from
/// its lines; <see cref="RealisationQuery.ReportAsync"/> (the API's figures, national size) straight from the rows it reads.</summary>
public sealed class RealisationTally
{
    private sealed class Sums
    {
        public int Commitments;
        public decimal Pledged, Realised, Over;
        public Dictionary<string, (decimal Pledged, decimal Delivered)>? Counts;

        public void Add(RealisationCalculator.Counted counted, decimal? amount, string? unit, decimal delivered)
        {
            Commitments++;
            if (counted.PledgedUsd is { } p)
            {
                Pledged += p;
                Realised += counted.RealisedUsd!.Value;
                Over += counted.OverDeliveredUsd!.Value;
            }
            else if (amount is { } a && CommitmentUnits.IsCount(unit))
            {
                Counts ??= new(StringComparer.Ordinal);
                var c = Counts.GetValueOrDefault(unit!);
                Counts[unit!] = (c.Pledged + a, c.Delivered + delivered);
            }
        }

        public RealisationFigures Figures() => new(Commitments, Cents(Pledged), Cents(Realised), Cents(Over),
            Pledged == 0 ? null : Math.Round(Realised / Pledged, 4, MidpointRounding.AwayFromZero),
            Counts is null ? [] : [.. Counts.OrderBy(c => Array.IndexOf(CommitmentUnits.Counts, c.Key)).Select(c => new CountFigure(c.Key, c.Value.Pledged, c.Value.Delivered))]);
    }

    private readonly Sums _total = new();
    private readonly Dictionary<string, Sums> _groups = new(StringComparer.Ordinal);
    private Sums? _noKey;
    private readonly List<UnconvertedCommitment> _unconverted = [];

    public void Add(string? key, RealisationCalculator.Counted counted, decimal? amount, string? unit, decimal delivered)
    {
        _total.Add(counted, amount, unit, delivered);
        Sums group;
        if (key is null) group = _noKey ??= new Sums();
        else if (!_groups.TryGetValue(key, out group!)) _groups[key] = group = new Sums();
        group.Add(counted, amount, unit, delivered);
    }

    public void Unconverted(int id, string reference, string unit, int year) => _unconverted.Add(new UnconvertedCommitment(id, reference, unit, year));

    /// <summary>Groups by key (ordinal; commitments without a key last), unconverted by year then reference.</summary>
    public RealisationReport Report()
    {
        var groups = _groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => RealisationGroup.Of(g.Key, g.Value.Figures())).ToList();
        if (_noKey is not null) groups.Add(RealisationGroup.Of(null, _noKey.Figures()));
        var unconverted = _unconverted.OrderBy(u => u.Year).ThenBy(u => u.Ref, StringComparer.Ordinal).ToList();
        return new RealisationReport(_total.Figures(), groups, unconverted);
    }

    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
