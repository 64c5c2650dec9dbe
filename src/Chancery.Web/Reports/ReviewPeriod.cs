using Chancery.Web.Common.Time;
namespace Chancery.Web.Reports;

/// <summary>The review's period and options as the page and the documents take them from the address:
/// missing dates mean the last full calendar year; the tier is kept between 1 and 3.</summary>
public sealed record ReviewPeriod(DateOnly From, DateOnly To, int Tier, bool Forecast)
{
    public const int MaxTier = 3;

    public bool IsValid => To >= From;

    public static ReviewPeriod Resolve(DateOnly? from, DateOnly? to, int? tier, bool? forecast, TimeProvider clock)
    {
        var lastYear = clock.Today().Year - 1;
        return new ReviewPeriod(
            from ?? new DateOnly(lastYear, 1, 1),
            to ?? new DateOnly(lastYear, 12, 31),
            Math.Clamp(tier ?? 1, 1, MaxTier),
            forecast ?? false);
    }

    /// <summary>The query string for links to the documents (ISO dates).</summary>
    public string Query => FormattableString.Invariant(
        $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&tier={Tier}") + (Forecast ? "&forecast=true" : "");
}
