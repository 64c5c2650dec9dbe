using System.Globalization;
using System.Text;

namespace Chancery.DataGen;

/// <summary>Generates directives.csv, tasks.csv and task_progress.csv rows (DOMAIN "Interchange
/// formats") that look like twenty years of the sector's directives, 2007–2026, reproducibly from a
/// seed: each directive broken into tasks (some with sub-tasks) led by every unit in turn, deadlines a
/// quarter to two years after the directive (month ends, some standing tasks without one), most past
/// deadlines met, some late, some still open; progress reports between the directive and the close,
/// their percent rising to the close.</summary>
public sealed class TaskGenerator(int seed, IReadOnlyList<string> units)
{
    public const string DirectiveHeader = "id,number,date,issuer,title,text,classification,source";
    public const string TaskHeader = "id,directive_id,parent_id,title,lead_unit,coordinating_units,deadline,done_date,key_task,indicator_name,indicator_target,indicator_unit,classification,notes";
    public const string ProgressHeader = "task_id,date,percent,text,author";

    /// <summary>"Today" of the generated register: nothing is done or reported after it.</summary>
    public static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly DateOnly First = new(2007, 1, 1);

    private static readonly string[] Issuers = ["Thủ tướng Chính phủ", "Chính phủ", "Bộ trưởng Bộ Ngoại giao", "Văn phòng Chính phủ", "Phó Thủ tướng Chính phủ"];
    private static readonly string[] Kinds = ["TB-VPCP", "NQ-CP", "CT-TTg", "QĐ-BNG", "KL-TTg"];
    private static readonly string[] Subjects =
    [
        "ngoại giao kinh tế", "thu hút đầu tư chất lượng cao", "mở rộng thị trường xuất khẩu", "bảo hộ công dân", "công tác biên giới",
        "hội nhập quốc tế", "ngoại giao văn hóa", "công tác người Việt Nam ở nước ngoài", "hợp tác khoa học công nghệ", "chuyển đổi số",
        "bán dẫn và trí tuệ nhân tạo", "hợp tác ASEAN", "quan hệ với các nước láng giềng", "các cam kết quốc tế", "thông tin đối ngoại",
    ];
    private static readonly string[] Verbs = ["Triển khai", "Đẩy mạnh", "Rà soát", "Xây dựng đề án về", "Tổ chức thực hiện", "Báo cáo kết quả", "Nghiên cứu, đề xuất về"];
    private static readonly (string Name, string Unit)[] Indicators =
        [("Thị trường xuất khẩu mới", "thị trường"), ("Dự án FDI thu hút", "dự án"), ("Văn kiện hợp tác ký kết", "văn kiện"), ("Công dân được bảo hộ", "lượt")];

    private readonly Random _random = new(seed);

    public sealed record Rows(List<string> Directives, List<string> Tasks, List<string> Progress);

    /// <summary><paramref name="directives"/> directives holding <paramref name="tasks"/> tasks between them,
    /// with about <paramref name="progress"/> progress reports.</summary>
    public Rows Generate(int directives, int tasks, int progress)
    {
        var result = new Rows(new List<string>(directives), new List<string>(tasks), new List<string>(progress + progress / 10));
        var span = Today.DayNumber - First.DayNumber - 60;
        var perTaskReports = tasks == 0 ? 0 : (double)progress / tasks;
        var written = 0;
        for (var d = 0; d < directives; d++)
        {
            // Spread evenly over the years, each at a random day of its slot, so dates rise with the id.
            var date = First.AddDays((int)((long)span * d / directives) + _random.Next(Math.Max(1, span / directives)));
            var id = $"gd-{d + 1:D6}";
            var subject = Pick(Subjects);
            var kind = _random.Next(Kinds.Length);
            result.Directives.Add(Csv(id, $"{d % 400 + 1}/{Kinds[kind]}", Iso(date), Issuers[kind], $"Kết luận về {subject} ({date.Year})",
                $"Giao các bộ, ngành và cơ quan đại diện triển khai các nhiệm vụ về {subject}.",
                _random.NextDouble() < 0.05 ? "confidential" : "internal", "dữ liệu sinh tự động"));

            var count = (int)((long)tasks * (d + 1) / directives) - written;
            written += count;
            var tops = Math.Max(1, (int)Math.Ceiling(count * 0.7));
            var topDeadlines = new DateOnly?[tops];
            for (var t = 0; t < count; t++)
            {
                var isTop = t < tops;
                var parent = isTop ? (int?)null : _random.Next(Math.Min(2, tops));
                var taskId = $"{id}-t{t + 1:D2}";
                var lead = units[(d * 7 + t) % units.Count];
                DateOnly? deadline = _random.NextDouble() < 0.08 && isTop ? null : MonthEnd(date.AddMonths(DeadlineMonths()));
                if (parent is { } p && topDeadlines[p] is { } pd && deadline > pd) deadline = pd;
                if (isTop) topDeadlines[t] = deadline;
                var done = DoneDate(date, deadline);
                var coordinating = string.Join(';', Enumerable.Range(0, _random.Next(3)).Select(_ => units[_random.Next(units.Count)]).Where(u => u != lead).Distinct());
                var indicator = _random.NextDouble() < 0.1 ? Indicators[_random.Next(Indicators.Length)] : default;
                result.Tasks.Add(Csv(taskId, id, parent is { } pp ? $"{id}-t{pp + 1:D2}" : null, $"{Pick(Verbs)} {Pick(Subjects)}", lead, coordinating,
                    deadline is { } dl ? Iso(dl) : null, done is { } dd ? Iso(dd) : null, _random.NextDouble() < 0.15 ? "true" : "false",
                    indicator.Name, indicator.Name is null ? null : (_random.Next(1, 20)).ToString(CultureInfo.InvariantCulture), indicator.Unit,
                    _random.NextDouble() < 0.9 ? "internal" : "confidential", null));
                Reports(result.Progress, taskId, lead, date, done, perTaskReports);
            }
        }
        return result;
    }

    /// <summary>A quarter to two years, most often six months or a year.</summary>
    private int DeadlineMonths() => _random.Next(10) switch { < 3 => 6, < 6 => 12, < 8 => 3, 8 => 18, _ => 24 };

    private DateOnly? DoneDate(DateOnly date, DateOnly? deadline)
    {
        var start = date.AddDays(7);
        if (deadline is not { } dl)
            return _random.NextDouble() < 0.3 ? Between(start, Today) : null;
        if (dl > Today)
            return _random.NextDouble() < 0.2 ? Between(start, Today) : null;
        var roll = _random.NextDouble();
        if (roll < 0.68) return Between(Max(start, dl.AddDays(-60)), dl); // on time
        if (roll < 0.88 && dl.AddDays(1) <= Today) return Between(dl.AddDays(1), Min(Today, dl.AddDays(120))); // late
        return null; // still open: overdue
    }

    /// <summary>Reports on distinct days between the directive and the close (or today), percent rising; the last is 100 when done.</summary>
    private void Reports(List<string> rows, string taskId, string unit, DateOnly date, DateOnly? done, double mean)
    {
        var start = date.AddDays(14);
        var end = done ?? Today;
        var days = end.DayNumber - start.DayNumber;
        if (days <= 0) return;
        var k = Math.Min(days, (int)Math.Round(_random.NextDouble() * 2 * mean));
        if (k == 0) return;
        var picked = new SortedSet<int>();
        while (picked.Count < k) picked.Add(_random.Next(days + 1));
        var i = 0;
        foreach (var offset in picked)
        {
            i++;
            var percent = done is not null && i == k ? 100 : Math.Min(95, 100 * i / (k + 1));
            rows.Add(Csv(taskId, Iso(start.AddDays(offset)), percent.ToString(CultureInfo.InvariantCulture), $"Báo cáo tiến độ lần {i}", $"Cán bộ {unit}"));
        }
    }

    private DateOnly Between(DateOnly a, DateOnly b) => b <= a ? a : a.AddDays(_random.Next(b.DayNumber - a.DayNumber + 1));
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly MonthEnd(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
    private string Pick(string[] list) => list[_random.Next(list.Length)];
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Csv(params string?[] cells)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append(',');
            var c = cells[i] ?? "";
            if (c.IndexOfAny([',', '"', '\n']) >= 0) sb.Append('"').Append(c.Replace("\"", "\"\"")).Append('"');
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
