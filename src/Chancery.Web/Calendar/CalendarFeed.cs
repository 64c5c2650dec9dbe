using Chancery.Web.Common.Localization;
using Chancery.Web.Activities;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Calendar;

/// <summary>Writes activities as an iCalendar document (RFC 5545): all-day events, one per activity.</summary>
public static class CalendarFeed
{
    /// <summary>The window a feed covers: calendar clients re-read the whole feed, so it stays bounded.</summary>
    public static (DateOnly First, DateOnly Last) Window(DateOnly today) => (today.AddYears(-1), today.AddYears(2));

    /// <summary>The feed in the current culture's language (the caller applies the subscriber's choice):
    /// kinds, statuses, labels and country names (already named in <see cref="CalendarEntry"/>).</summary>
    public static string Write(IEnumerable<CalendarEntry> entries, string activityBaseUrl, string calendarName, FeedWords words)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Chancery//Leaders' calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var entry in entries) calendar.Events.Add(ToEvent(entry, activityBaseUrl, words));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static CalendarEvent ToEvent(CalendarEntry entry, string activityBaseUrl, FeedWords words) => new()
    {
        Uid = $"{entry.Id}@chancery",
        Summary = string.IsNullOrWhiteSpace(entry.Title) ? words.Activities["Kind_" + entry.KindCode] : entry.Title,
        // All-day dates; DTEND is exclusive, so the day after the last day.
        DtStart = new CalDateTime(entry.DateStart),
        DtEnd = new CalDateTime(entry.LastDay.AddDays(1)),
        Location = Location(entry),
        Status = StatusOf(entry.Status),
        Description = Description(entry, words),
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

    private static string Description(CalendarEntry entry, FeedWords words)
    {
        var c = words.Calendar;
        var lines = new List<string>();
        var leader = string.Join(", ", new[] { entry.Leader, entry.LeaderRole }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (leader.Length > 0) lines.Add(c["Leader"] + ": " + leader);
        if (entry.Countries.Count > 0) lines.Add(c["Countries"] + ": " + string.Join(", ", entry.Countries));
        var dated = entry.Legs.Where(l => l.Start is not null).ToList();
        if (dated.Count > 0)
            lines.Add(c["Itinerary"] + ": " + string.Join("; ", dated.Select(l =>
                (l.End is { } end && end != l.Start ? Formats.Date(l.Start!.Value) + " – " + Formats.Date(end) : Formats.Date(l.Start!.Value)) + " " + l.Country)));
        lines.Add(c["Kind"] + ": " + words.Activities["Kind_" + entry.KindCode] + "; " + c["Status"] + ": " + words.Activities["Status_" + entry.StatusCode]);
        return string.Join("\n", lines);
    }
}

/// <summary>The words a feed is written with, looked up in the current culture when the feed is written.</summary>
public sealed record FeedWords(IStringLocalizer<CalendarText> Calendar, IStringLocalizer<ActivitiesText> Activities);
