namespace Chancery.Web.Calendar;

/// <summary>One activity's bar in one row of days (a week): it covers <see cref="Span"/> cells from
/// <see cref="FirstColumn"/> (0-based) and sits in <see cref="Lane"/>, the same lane on every day it covers.
/// <see cref="FromBefore"/>/<see cref="ToAfter"/>: the activity continues beyond the row's shown days.</summary>
public sealed record LaneBar(CalendarEntry Entry, int FirstColumn, int Span, int Lane, DateOnly FirstDay, DateOnly LastDay)
{
    public bool FromBefore => Entry.DateStart < FirstDay;
    public bool ToAfter => Entry.LastDay > LastDay;

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, Span).Select(FirstDay.AddDays);

    public bool Covers(int column) => FirstColumn <= column && column < FirstColumn + Span;

    /// <summary>Consecutive days with the same place, for "which country is the leader in on each day".</summary>
    public IReadOnlyList<(string? Place, int Span)> PlaceRuns()
    {
        var runs = new List<(string? Place, int Span)>();
        foreach (var place in Days.Select(Entry.PlaceOn))
        {
            if (runs.Count > 0 && runs[^1].Place == place) runs[^1] = (place, runs[^1].Span + 1);
            else runs.Add((place, 1));
        }
        return runs;
    }
}

/// <summary>A row of days (a week; a day outside the month is null) with its activities laid out in lanes.</summary>
public sealed record LaneRow(IReadOnlyList<DateOnly?> Days, IReadOnlyList<LaneBar> Bars)
{
    public int LaneCount => Bars.Count == 0 ? 0 : Bars.Max(b => b.Lane) + 1;

    /// <summary>Bars hidden by a lane limit that cover the day in <paramref name="column"/>.</summary>
    public int HiddenOn(int column, int maxLanes) => Bars.Count(b => b.Lane >= maxLanes && b.Covers(column));
}

/// <summary>Lays activities out in lanes so no two bars print over each other: within a row, each
/// activity takes the lowest lane that is free on all the days it covers there. Longer bars are placed
/// first among those starting the same day, so they keep to the top and short ones fill the gaps.</summary>
public static class CalendarLanes
{
    public static LaneRow Place(IReadOnlyList<DateOnly?> days, IEnumerable<CalendarEntry> entries)
    {
        var segments = new List<(CalendarEntry Entry, int First, int Last)>();
        foreach (var entry in entries)
        {
            int first = -1, last = -1;
            for (var i = 0; i < days.Count; i++)
            {
                if (days[i] is not { } d || !entry.Covers(d)) continue;
                if (first < 0) first = i;
                last = i;
            }
            if (first >= 0) segments.Add((entry, first, last));
        }

        // laneEnds[k]: the last column taken in lane k so far.
        var laneEnds = new List<int>();
        var bars = new List<LaneBar>();
        foreach (var s in segments.OrderBy(s => s.First).ThenByDescending(s => s.Last - s.First)
                     .ThenBy(s => s.Entry.DateStart).ThenBy(s => s.Entry.Id))
        {
            var lane = laneEnds.FindIndex(end => end < s.First);
            if (lane < 0) { lane = laneEnds.Count; laneEnds.Add(s.Last); }
            else laneEnds[lane] = s.Last;
            bars.Add(new LaneBar(s.Entry, s.First, s.Last - s.First + 1, lane, days[s.First]!.Value, days[s.Last]!.Value));
        }
        return new LaneRow(days, bars.OrderBy(b => b.Lane).ThenBy(b => b.FirstColumn).ToList());
    }
}
