using Chancery.Web.Common.Api;
using Chancery.Web.Activities;

namespace Chancery.Web.Calendar;

/// <summary>One activity as the calendar shows it: enough to draw a bar, an agenda line or a feed event.
/// <paramref name="Countries"/> and the legs' countries are names in the reader's language (resolved by
/// <see cref="CalendarQueries"/> in the request's culture), and so is <paramref name="Title"/> (the English title on
/// English screens and feeds when the activity has one, <see cref="ActivityTitles"/>).</summary>
public sealed record CalendarEntry(
    int Id, ActivityKind Kind, ActivityStatus Status, DateOnly DateStart, DateOnly DateEnd, string? Title,
    int? LeaderId, string? Leader, string? LeaderRole, string? HostOrVenue, IReadOnlyList<string> Countries,
    IReadOnlyList<CalendarLeg> Legs)
{
    /// <summary>The title's language when it is not the reader's (only the other language's title exists).</summary>
    public string? TitleLang { get; init; }

    public string KindCode => Codes<ActivityKind>.ToCode(Kind);
    public string StatusCode => Codes<ActivityStatus>.ToCode(Status);

    /// <summary>Guards against a record whose end was typed before its start: it still occupies its first day.</summary>
    public DateOnly LastDay => DateEnd < DateStart ? DateStart : DateEnd;

    public int DayCount => LastDay.DayNumber - DateStart.DayNumber + 1;

    public bool Covers(DateOnly day) => DateStart <= day && day <= LastDay;

    /// <summary>Where the leader is on <paramref name="day"/>: the country of the leg covering it (two on a day
    /// of travel between legs, "France → Switzerland"), or the one country of an activity whose legs carry no
    /// dates. Null when the record does not say (undated legs in several countries, a day between legs).</summary>
    public string? PlaceOn(DateOnly day)
    {
        if (!Covers(day) || Legs.Count == 0) return null;
        var dated = Legs.Where(l => l.Start is not null || l.End is not null).ToList();
        if (dated.Count == 0)
        {
            var countries = Legs.Select(l => l.Country).Distinct().ToList();
            return countries.Count == 1 ? countries[0] : null;
        }
        var here = dated.Where(l => (l.Start ?? l.End!.Value) <= day && day <= (l.End ?? l.Start!.Value))
            .Select(l => l.Country).Distinct().ToList();
        return here.Count == 0 ? null : string.Join(" → ", here);
    }
}

/// <summary>One leg of a trip: the country (named in the reader's language) and, when known, its days.</summary>
public sealed record CalendarLeg(string Country, DateOnly? Start, DateOnly? End);

/// <summary>The calendar's filters. Status: empty means every status except cancelled (what a leader
/// plans around); "all" includes cancelled; a status code picks that one.</summary>
public sealed record CalendarFilter(int? Leader = null, string? Kind = null, string? Status = null)
{
    public const string AllStatuses = "all";
}
