using System.Globalization;

namespace Chancery.Web.Common.Localization;

/// <summary>Display formats for the current culture: dd/MM/yyyy in Vietnamese, d MMM yyyy in English
/// (the API always uses ISO).</summary>
public static class Formats
{
    public static string Date(DateOnly date) =>
        date.ToString(LocalizationSetup.IsVietnamese ? "dd/MM/yyyy" : "d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string DateTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Time.SectorDay.Zone).ToString(LocalizationSetup.IsVietnamese ? "dd/MM/yyyy HH:mm" : "d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(decimal value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.CurrentCulture);
}
