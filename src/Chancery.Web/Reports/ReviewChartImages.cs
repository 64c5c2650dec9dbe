using ScottPlot;

namespace Chancery.Web.Reports;

/// <summary>The review page's charts (<see cref="ReviewChartData"/>: by month, by kind, by leader) drawn
/// as PNG on the server for the DOCX, with the page's colours (wwwroot/js/review-charts.js). The world
/// map stays on the page. Titles are not drawn: the document captions each chart in its own font.</summary>
public static class ReviewChartImages
{
    /// <summary>A drawn chart and its size in points (the document places it at that size).</summary>
    public sealed record ChartImage(string Title, byte[] Png, int WidthPoints, int HeightPoints);

    /// <summary>Vietnamese diacritics need a font that has them: Noto Sans (Debian: fonts-noto-core).</summary>
    public const string FontFamily = "Noto Sans";

    /// <summary>Drawn at twice the size it is shown, so it stays sharp when printed.</summary>
    private const int Scale = 2;

    /// <summary>Points across the text of an A4 page with the administrative margins (165 mm).</summary>
    public const int TextWidthPoints = 467;

    private static readonly Dictionary<string, string> KindColors = new()
    {
        ["state_visit"] = "#8a1c1c", ["official_visit"] = "#c0392b", ["working_visit"] = "#e67e22", ["private_visit"] = "#f2c14e",
        ["incoming_visit"] = "#1f7a4d", ["multilateral_conference"] = "#1f4e8c", ["bilateral_meeting"] = "#7f8c8d",
        ["phone_call"] = "#8e44ad", ["online_talk"] = "#16a085", ["reception"] = "#95a5a6",
    };
    private static readonly string[] Fallback = ["#34495e", "#d35400", "#2c3e50", "#27ae60"];
    private const string LeaderColor = "#1f4e8c";

    private static Color ColorOf(string code, int index) =>
        Color.FromHex(KindColors.TryGetValue(code, out var hex) ? hex : Fallback[index % Fallback.Length]);

    /// <summary>Nothing when nothing was counted (an empty chart says less than the sentence that says so).</summary>
    public static IReadOnlyList<ChartImage> Render(ReviewChartData.Charts charts, string byMonth, string byKind, string byLeader)
    {
        if (charts.ByKind.Sum(b => b.Count) == 0) return [];
        return [ByMonth(charts, byMonth), ByKind(charts, byKind), ByLeader(charts, byLeader)];
    }

    private static Plot NewPlot()
    {
        var plot = new Plot { ScaleFactor = Scale };
        plot.Font.Set(FontFamily);
        return plot;
    }

    private static ChartImage Save(Plot plot, string title, int widthPoints, int heightPoints) =>
        new(title, plot.GetImageBytes(widthPoints * Scale, heightPoints * Scale, ImageFormat.Png), widthPoints, heightPoints);

    private static void IntegerTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>Stacked bars: one column per month, one colour per kind, as on the page.</summary>
    private static ChartImage ByMonth(ReviewChartData.Charts charts, string title)
    {
        var plot = NewPlot();
        var tops = new double[charts.Months.Count];
        var bars = new List<Bar>();
        for (var s = 0; s < charts.ByMonth.Count; s++)
        {
            var series = charts.ByMonth[s];
            var color = ColorOf(series.Code, s);
            for (var m = 0; m < tops.Length; m++)
            {
                if (series.Counts[m] == 0) continue;
                bars.Add(new Bar { Position = m, ValueBase = tops[m], Value = tops[m] + series.Counts[m], FillColor = color, LineWidth = 0 });
                tops[m] += series.Counts[m];
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series.Label, FillColor = color });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, tops.Length).Select(i => (double)i).ToArray(), charts.Months.ToArray());
        if (tops.Length > 6)
        {
            // Slanted month labels ending at their tick, so twelve fit across the page.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 50;
        }
        IntegerTicks(plot.Axes.Left);
        plot.Axes.Margins(bottom: 0);
        // The kinds in rows under the chart (set before and after: showing the legend resets it).
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.TightHorizontalWrapping = true;
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return Save(plot, title, TextWidthPoints, 290);
    }

    /// <summary>A doughnut, as on the page, with each kind's count in the legend.</summary>
    private static ChartImage ByKind(ReviewChartData.Charts charts, string title)
    {
        var plot = NewPlot();
        var slices = charts.ByKind.Select((bar, i) => new PieSlice
        {
            Value = bar.Count, FillColor = ColorOf(i < charts.ByMonth.Count ? charts.ByMonth[i].Code : "", i),
            LegendText = $"{bar.Label} ({bar.Count})",
        }).ToList();
        plot.Add.Pie(slices).DonutFraction = 0.5;
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.ShowLegend(Edge.Right);
        return Save(plot, title, TextWidthPoints, 165);
    }

    /// <summary>Horizontal bars, the busiest leader on top; the height grows with the number of leaders.</summary>
    private static ChartImage ByLeader(ReviewChartData.Charts charts, string title)
    {
        var plot = NewPlot();
        var leaders = charts.ByLeader;
        var color = Color.FromHex(LeaderColor);
        var bars = plot.Add.Bars(leaders.Select((b, i) => new Bar
        {
            Position = leaders.Count - 1 - i, Value = b.Count, FillColor = color, LineWidth = 0,
        }).ToList());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(leaders.Select((_, i) => (double)(leaders.Count - 1 - i)).ToArray(), leaders.Select(b => b.Label).ToArray());
        IntegerTicks(plot.Axes.Bottom);
        plot.Axes.Margins(left: 0);
        return Save(plot, title, TextWidthPoints, Math.Clamp(50 + 22 * leaders.Count, 120, 640));
    }
}
