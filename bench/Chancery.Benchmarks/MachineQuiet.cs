using System.Diagnostics;
using System.Globalization;

namespace Chancery.Benchmarks;

/// <summary>Whether the machine was quiet while a run was measured. Reads the CPU time of the whole
/// machine (/proc/stat) and of the processes that belong to the measurement — this runner, the app under
/// test (<c>--app-pid</c>) and the database server (processes named postgres) — before and after; what
/// is left is other work. A run during which other work held more than <c>--max-others</c> of one core
/// (default 0.25) on average is refused: its figures are printed as void and the runner exits with 3.</summary>
public sealed class MachineQuiet
{
    private static readonly double Tick = 100.0; // USER_HZ on Linux
    private readonly HashSet<int> _pids;
    private readonly double _maxOthers;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly double _machineStart;
    private readonly double _oursStart;
    private readonly string _loadStart = LoadAverage();

    private MachineQuiet(IEnumerable<int> pids, double maxOthers)
    {
        _pids = [.. pids, Environment.ProcessId];
        _maxOthers = maxOthers;
        _machineStart = MachineBusySeconds();
        _oursStart = OursSeconds();
    }

    public static MachineQuiet Start(Options o)
    {
        var pids = (o.Get("app-pid") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture));
        var max = double.Parse(o.Get("max-others", "0.25"), CultureInfo.InvariantCulture);
        var quiet = new MachineQuiet(pids, max);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {quiet._loadStart} at the start");
        return quiet;
    }

    /// <summary>Prints the verdict; true when the run may be reported.</summary>
    public bool Report()
    {
        var seconds = _wall.Elapsed.TotalSeconds;
        var others = Math.Max(0, (MachineBusySeconds() - _machineStart) - (OursSeconds() - _oursStart)) / seconds;
        var quiet = others <= _maxOthers || !OperatingSystem.IsLinux();
        Console.WriteLine($"machine: load average {LoadAverage()} at the end; other work used {others:F2} of a core on average over {seconds:F0} s " +
            (quiet ? "(quiet enough: reported)" : $"(over {_maxOthers:F2}: REFUSED, the figures above are void)"));
        return quiet;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Busy CPU seconds of the whole machine (every state but idle and iowait).</summary>
    private static double MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat")) return 0;
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + (cpu.Length > 4 ? cpu[4] : 0);
        // guest time is already counted in user time
        var total = cpu.Take(Math.Min(cpu.Length, 8)).Sum();
        return (total - idle) / Tick;
    }

    /// <summary>CPU seconds of the measured processes: ours, the app's, and every postgres process.</summary>
    private double OursSeconds()
    {
        if (!Directory.Exists("/proc")) return 0;
        double sum = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                if (!_pids.Contains(pid) && !name.StartsWith("postgres", StringComparison.Ordinal)) continue;
                var fields = stat[(close + 2)..].Split(' ');
                // utime, stime and the waited-for children's cutime, cstime (fields 14-17 of stat)
                sum += (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)
                    + double.Parse(fields[13], CultureInfo.InvariantCulture) + double.Parse(fields[14], CultureInfo.InvariantCulture)) / Tick;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return sum;
    }
}
