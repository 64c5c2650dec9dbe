using System.Globalization;

namespace Chancery.Web.Calendar;

/// <summary>A week, Monday to Sunday, as the week view shows it.</summary>
public sealed class WeekLayout
{
    public WeekLayout(DateOnly anyDay)
    {
        // DayOfWeek counts from Sunday = 0; Monday-first weeks put Sunday last.
        Monday = anyDay.AddDays(-(((int)anyDay.DayOfWeek + 6) % 7));
        Days = Enumerable.Range(0, 7).Select(i => (DateOnly?)Monday.AddDays(i)).ToList();
    }

    public DateOnly Monday { get; }
    public DateOnly Sunday => Monday.AddDays(6);
    public IReadOnlyList<DateOnly?> Days { get; }

    public LaneRow Row(IEnumerable<CalendarEntry> entries) => CalendarLanes.Place(Days, entries.ToList());

    /// <summary>Reads ?week=2026-11-25 (any day of the week); anything else falls back to the given day.</summary>
    public static DateOnly ParseDay(string? value, DateOnly fallback) =>
        DateOnly.TryParseExact(value ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : fallback;

    public static string DayParameter(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
