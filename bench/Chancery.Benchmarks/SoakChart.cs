using System.Globalization;
using System.Text;

namespace Chancery.Benchmarks;

/// <summary>The soak's chart as a self-contained SVG (no script, no library): latency p50 and p99 on the
/// left axis, each instance's resident memory on the right, minutes along the bottom.</summary>
public static class SoakChart
{
    public static string Svg(IReadOnlyList<(double Minute, double P50, double P99, double[] RssMiB)> points)
    {
        const int w = 900, h = 360, left = 60, right = 70, top = 30, bottom = 40;
        var maxMinute = Math.Max(1, points.Select(p => p.Minute).DefaultIfEmpty(1).Max());
        var maxMs = Nice(points.Select(p => p.P99).Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max());
        var maxMiB = Nice(points.SelectMany(p => p.RssMiB).Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max());
        double X(double minute) => left + (w - left - right) * minute / maxMinute;
        double Y(double value, double max) => top + (h - top - bottom) * (1 - Math.Min(value, max) / max);
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        string Line(Func<(double Minute, double P50, double P99, double[] RssMiB), double> value, double max, string colour, string dash = "") =>
            $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" {dash} points=\"" +
            string.Join(' ', points.Where(p => !double.IsNaN(value(p))).Select(p => $"{F(X(p.Minute))},{F(Y(value(p), max))}")) + "\"/>";

        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append($"<rect width=\"{w}\" height=\"{h}\" fill=\"white\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var y = top + (h - top - bottom) * i / 4.0;
            svg.Append($"<line x1=\"{left}\" x2=\"{w - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#ddd\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{maxMs * (4 - i) / 4:F0} ms</text>");
            svg.Append($"<text x=\"{w - right + 6}\" y=\"{F(y + 4)}\">{maxMiB * (4 - i) / 4:F0} MiB</text>");
        }
        for (var m = 0; m <= (int)maxMinute; m += Math.Max(1, (int)maxMinute / 10))
            svg.Append($"<text x=\"{F(X(m))}\" y=\"{h - bottom + 16}\" text-anchor=\"middle\">{m}</text>");
        svg.Append($"<text x=\"{(w - right + left) / 2}\" y=\"{h - 6}\" text-anchor=\"middle\">minutes</text>");
        svg.Append(Line(p => p.P50, maxMs, "#1f77b4"));
        svg.Append(Line(p => p.P99, maxMs, "#d62728"));
        string[] memoryColours = ["#2ca02c", "#9467bd", "#8c564b"];
        var instances = points.FirstOrDefault().RssMiB?.Length ?? 0;
        for (var i = 0; i < instances; i++)
        {
            var index = i;
            svg.Append(Line(p => p.RssMiB[index], maxMiB, memoryColours[i % memoryColours.Length], "stroke-dasharray=\"5 3\""));
        }
        var legend = new List<(string, string)> { ("p50 latency (10-s windows)", "#1f77b4"), ("p99 latency", "#d62728") };
        for (var i = 0; i < instances; i++) legend.Add(($"instance {i + 1} memory (RSS, dashed)", memoryColours[i % memoryColours.Length]));
        var x = left;
        foreach (var (label, colour) in legend)
        {
            svg.Append($"<rect x=\"{x}\" y=\"10\" width=\"12\" height=\"3\" fill=\"{colour}\"/><text x=\"{x + 16}\" y=\"15\">{label}</text>");
            x += 20 + label.Length * 7;
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A round axis maximum at or above the value.</summary>
    private static double Nice(double value)
    {
        if (value <= 0 || double.IsNaN(value)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }
}
