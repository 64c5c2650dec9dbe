namespace Chancery.Web.Calendar;

/// <summary>The weeks of a month, Monday first, as rows of seven cells; a cell outside the month is null.</summary>
public sealed class MonthLayout
{
    public MonthLayout(int year, int month)
    {
        First = new DateOnly(year, month, 1);
        Last = First.AddMonths(1).AddDays(-1);
        // DayOfWeek counts from Sunday = 0; Monday-first weeks put Sunday last.
        var leading = ((int)First.DayOfWeek + 6) % 7;
        var cells = new List<DateOnly?>();
        cells.AddRange(Enumerable.Repeat<DateOnly?>(null, leading));
        for (var d = First; d <= Last; d = d.AddDays(1)) cells.Add(d);
        while (cells.Count % 7 != 0) cells.Add(null);
        Weeks = cells.Chunk(7).Select(w => (IReadOnlyList<DateOnly?>)w).ToList();
    }

    public DateOnly First { get; }
    public DateOnly Last { get; }
    public IReadOnlyList<IReadOnlyList<DateOnly?>> Weeks { get; }

    /// <summary>The weeks with the month's activities in lanes, each week laid out on its own.</summary>
    public IReadOnlyList<LaneRow> Rows(IEnumerable<CalendarEntry> entries)
    {
        var list = entries.ToList();
        return Weeks.Select(w => CalendarLanes.Place(w, list)).ToList();
    }

    /// <summary>Reads ?month=2026-11; anything else falls back to the given month.</summary>
    public static DateOnly ParseMonth(string? value, DateOnly fallback) =>
        DateOnly.TryParseExact((value ?? "") + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var month) ? month : new DateOnly(fallback.Year, fallback.Month, 1);

    public static string MonthParameter(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
