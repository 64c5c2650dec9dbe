using Chancery.Web.Common.Api;
using Chancery.Web.Activities;

namespace Chancery.Web.Calendar;

/// <summary>One activity as the calendar shows it: enough to draw a chip, an agenda line or a feed event.</summary>
public sealed record CalendarEntry(
    int Id, ActivityKind Kind, ActivityStatus Status, DateOnly DateStart, DateOnly DateEnd, string? Title,
    int? LeaderId, string? Leader, string? LeaderRole, string? HostOrVenue, IReadOnlyList<string> Countries)
{
    public string KindCode => Codes<ActivityKind>.ToCode(Kind);
    public string StatusCode => Codes<ActivityStatus>.ToCode(Status);

    /// <summary>Guards against a record whose end was typed before its start: it still occupies its first day.</summary>
    public DateOnly LastDay => DateEnd < DateStart ? DateStart : DateEnd;

    public bool Covers(DateOnly day) => DateStart <= day && day <= LastDay;
}

/// <summary>The calendar's filters. Status: empty means every status except cancelled (what a leader
/// plans around); "all" includes cancelled; a status code picks that one.</summary>
public sealed record CalendarFilter(int? Leader = null, string? Kind = null, string? Status = null)
{
    public const string AllStatuses = "all";
}
