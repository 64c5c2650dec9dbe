using System.Globalization;

namespace Chancery.Web.Directives;

/// <summary>The periods of a recurring reporting task: which period a deadline closes ("2025-Q2") and
/// the next occurrence's deadline (the same place in the next period; a month's last day stays a last day).</summary>
public static class TaskPeriods
{
    public static int Months(TaskRecurrence r) => r switch
    {
        TaskRecurrence.Monthly => 1,
        TaskRecurrence.Quarterly => 3,
        TaskRecurrence.SixMonthly => 6,
        TaskRecurrence.Yearly => 12,
        _ => 0,
    };

    public static string? Label(TaskRecurrence r, DateOnly deadline) => r switch
    {
        TaskRecurrence.Monthly => deadline.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TaskRecurrence.Quarterly => FormattableString.Invariant($"{deadline.Year}-Q{(deadline.Month - 1) / 3 + 1}"),
        TaskRecurrence.SixMonthly => FormattableString.Invariant($"{deadline.Year}-H{(deadline.Month - 1) / 6 + 1}"),
        TaskRecurrence.Yearly => deadline.Year.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public static DateOnly Next(TaskRecurrence r, DateOnly deadline)
    {
        var next = deadline.AddMonths(Months(r));
        var lastDay = deadline.Day == DateTime.DaysInMonth(deadline.Year, deadline.Month);
        return lastDay ? new DateOnly(next.Year, next.Month, DateTime.DaysInMonth(next.Year, next.Month)) : next;
    }
}
