using Chancery.Web.Common.Api;
using Chancery.Web.Activities;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Chancery.Web.Calendar;

/// <summary>Writes activities as an iCalendar document (RFC 5545): all-day events, one per activity.</summary>
public static class CalendarFeed
{
    /// <summary>The window a feed covers: calendar clients re-read the whole feed, so it stays bounded.</summary>
    public static (DateOnly First, DateOnly Last) Window(DateOnly today) => (today.AddYears(-1), today.AddYears(2));

    public static string Write(IEnumerable<CalendarEntry> entries, string activityBaseUrl, string calendarName)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Chancery//Leaders' calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var entry in entries) calendar.Events.Add(ToEvent(entry, activityBaseUrl));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static CalendarEvent ToEvent(CalendarEntry entry, string activityBaseUrl) => new()
    {
        Uid = $"{entry.Id}@chancery",
        Summary = string.IsNullOrWhiteSpace(entry.Title) ? KindName(entry.Kind) : entry.Title,
        // All-day dates; DTEND is exclusive, so the day after the last day.
        DtStart = new CalDateTime(entry.DateStart),
        DtEnd = new CalDateTime(entry.LastDay.AddDays(1)),
        Location = Location(entry),
        Status = StatusOf(entry.Status),
        Description = Description(entry),
        Url = new Uri($"{activityBaseUrl}/activities/{entry.Id}"),
    };

    public static string StatusOf(ActivityStatus status) => status switch
    {
        ActivityStatus.Planned or ActivityStatus.Postponed => EventStatus.Tentative,
        ActivityStatus.Cancelled => EventStatus.Cancelled,
        _ => EventStatus.Confirmed,
    };

    private static string? Location(CalendarEntry entry)
    {
        if (!string.IsNullOrWhiteSpace(entry.HostOrVenue)) return entry.HostOrVenue;
        return entry.Countries.Count > 0 ? string.Join(" – ", entry.Countries) : null;
    }

    private static string Description(CalendarEntry entry)
    {
        var lines = new List<string>();
        var leader = string.Join(", ", new[] { entry.Leader, entry.LeaderRole }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (leader.Length > 0) lines.Add("Leader / Lãnh đạo: " + leader);
        if (entry.Countries.Count > 0) lines.Add("Countries / Quốc gia: " + string.Join(", ", entry.Countries));
        lines.Add("Kind / Loại: " + entry.KindCode + "; status / trạng thái: " + entry.StatusCode);
        return string.Join("\n", lines);
    }

    /// <summary>A readable fallback summary from the kind code (state_visit -> "State visit").</summary>
    private static string KindName(ActivityKind kind)
    {
        var code = Codes<ActivityKind>.ToCode(kind).Replace('_', ' ');
        return char.ToUpperInvariant(code[0]) + code[1..];
    }
}
