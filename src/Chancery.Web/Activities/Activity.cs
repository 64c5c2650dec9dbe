using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;
using Chancery.Web.People;

namespace Chancery.Web.Activities;

/// <summary>One diplomatic activity: a trip (with ordered legs), a visit received, a conference
/// attended, a meeting, a call, a reception. A conference or meeting held during a trip is its own
/// activity pointing at the trip through <see cref="PartOfId"/>.</summary>
public sealed class Activity : IClassified, IVersioned, ISearchable, ISoftDeletable
{
    public int Id { get; set; }
    /// <summary>The id the record carries in activities.csv; re-imports match on it.</summary>
    public required string ExternalRef { get; set; }
    public ActivityKind Kind { get; set; }
    public ActivityDirection Direction { get; set; }
    public ActivityStatus Status { get; set; } = ActivityStatus.Completed;
    private DateOnly _dateStart;
    private DateOnly _dateEnd;
    public DateOnly DateStart { get => _dateStart; set { _dateStart = value; SpanDays = _dateEnd.DayNumber - value.DayNumber; } }
    public DateOnly DateEnd { get => _dateEnd; set { _dateEnd = value; SpanDays = value.DayNumber - _dateStart.DayNumber; } }
    /// <summary>Days from the start to the end, kept with the dates so a period's query can seek by start date:
    /// an activity overlapping a month starts at most <see cref="LongSpanDays"/> days before it, unless it is one
    /// of the few long ones, which are found through this column's own index.</summary>
    public int SpanDays { get; private set; }
    /// <summary>Beyond this many days an activity counts as long for <see cref="SpanDays"/>.</summary>
    public const int LongSpanDays = 31;
    /// <summary>The title in Vietnamese, the record's own language.</summary>
    public string? Title { get; set; }
    /// <summary>The title in English, when someone gave one; English screens fall back to <see cref="Title"/>.</summary>
    public string? TitleEn { get; set; }
    public string? HostOrVenue { get; set; }
    public ActivityChannel? Channel { get; set; }

    public int? LeadPersonId { get; set; }
    public Person? LeadPerson { get; set; }
    /// <summary>The office as written on the record; the rank comes from the person's office on the start date.</summary>
    public string? LeaderRoleText { get; set; }
    public int? CounterpartPersonId { get; set; }
    public Person? CounterpartPerson { get; set; }
    public string? CounterpartRoleText { get; set; }

    public int? PartOfId { get; set; }
    public Activity? PartOf { get; set; }
    public int? OwnerUnitId { get; set; }

    public string? Outcomes { get; set; }
    /// <summary>Theme codes joined with ';' (small, closed list; filtered with LIKE on ';code;').</summary>
    public string Themes { get; set; } = "";
    /// <summary>Several sources separated by " ; ".</summary>
    public string? Sources { get; set; }
    public string? Notes { get; set; }

    /// <summary>For an outgoing visit, the legs in order; for other kinds, the counterpart countries.</summary>
    public List<ActivityLeg> Legs { get; set; } = [];

    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Internal;
    public int Version { get; set; }
    public string SearchText { get; set; } = "";
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    /// <summary>Not stored: the people's names when they are set by id (an import), for the search text.</summary>
    public string? NamesForSearch { get; set; }

    public string BuildSearchText() => BuildSearchText(TextFolding.Fold);

    /// <param name="fold">The folding of each part (<see cref="TextFolding.Fold"/>, or a cache of it).</param>
    public string BuildSearchText(Func<string?, string> fold) => TextFolding.FoldAll(fold, ExternalRef, Title, TitleEn, HostOrVenue, LeaderRoleText, CounterpartRoleText,
        LeadPerson?.FullName, CounterpartPerson?.FullName, NamesForSearch, string.Join(' ', Legs.Select(l => l.CountryIso3)));

    public static string JoinThemes(IEnumerable<string> themes)
    {
        var list = themes.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        // Wrapped in ';' so a filter can match ';code;' without hitting a longer code that contains it.
        return list.Count == 0 ? "" : ";" + string.Join(';', list) + ";";
    }

    public IReadOnlyList<string> ThemeList() => Themes.Split(';', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One country of an activity. Design choice: a single table serves both meanings — for an
/// outgoing visit each row is a leg (Order, City, dates inside the trip); for the other kinds each row
/// is a counterpart country (Order only). The review reads legs only for outgoing visits.</summary>
public sealed class ActivityLeg
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public int Order { get; set; }
    public required string CountryIso3 { get; set; }
    public string? City { get; set; }
    public DateOnly? DateStart { get; set; }
    public DateOnly? DateEnd { get; set; }
}
