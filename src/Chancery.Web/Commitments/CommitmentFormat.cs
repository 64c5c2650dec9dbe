using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Commitments;

/// <summary>An amount with its unit as a page shows it: a currency after the number (15,500,000,000 USD),
/// a count unit in the reader's words (1,000,000 liều).</summary>
public static class CommitmentFormat
{
    public static string Amount(decimal? amount, string? unit, IStringLocalizer<CommitmentsText> words)
    {
        if (amount is not { } a) return unit is null ? "" : UnitWord(unit, words);
        var number = a.ToString(a == decimal.Truncate(a) ? "N0" : "N2", CultureInfo.CurrentCulture);
        return unit is null ? number : number + " " + UnitWord(unit, words);
    }

    public static string UnitWord(string unit, IStringLocalizer<CommitmentsText> words) =>
        CommitmentUnits.IsCount(unit) ? words["Count_" + unit] : unit;

    public static string Usd(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
