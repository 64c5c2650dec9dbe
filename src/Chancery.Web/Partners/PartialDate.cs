using System.Globalization;

namespace Chancery.Web.Partners;

public enum DatePrecision
{
    Year = 1,
    Month = 2,
    Day = 3,
}

/// <summary>A date known to the day, the month or only the year ("2008", "2012-07", "2016-09-03").
/// Stored as its first day plus a precision; <see cref="LastDay"/> is the day by which it had
/// certainly happened, which is what "as of" questions compare against.</summary>
public readonly record struct PartialDate(DateOnly FirstDay, DatePrecision Precision)
{
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Year => new DateOnly(FirstDay.Year, 12, 31),
        DatePrecision.Month => FirstDay.AddMonths(1).AddDays(-1),
        _ => FirstDay,
    };

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        var t = text?.Trim() ?? "";
        var formats = new (string Format, DatePrecision Precision)[]
        {
            ("yyyy-MM-dd", DatePrecision.Day), ("yyyy-MM", DatePrecision.Month), ("yyyy", DatePrecision.Year),
        };
        foreach (var (format, precision) in formats)
        {
            if (t.Length == format.Length &&
                DateOnly.TryParseExact(t, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                date = new PartialDate(day, precision);
                return true;
            }
        }
        return false;
    }

    /// <summary>The interchange form: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string ToIso() => Precision switch
    {
        DatePrecision.Year => FirstDay.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The display form for a culture: dd/MM/yyyy, MM/yyyy or yyyy in Vietnamese.</summary>
    public string ToDisplay(CultureInfo culture) => Precision switch
    {
        DatePrecision.Year => FirstDay.ToString("yyyy", culture),
        DatePrecision.Month => FirstDay.ToString(culture.TwoLetterISOLanguageName == "vi" ? "MM/yyyy" : "MMM yyyy", culture),
        _ => FirstDay.ToString(culture.TwoLetterISOLanguageName == "vi" ? "dd/MM/yyyy" : "d MMM yyyy", culture),
    };

    public override string ToString() => ToIso();
}
