using System.Globalization;

namespace Screenplay.LoadTest;

/// <summary>
/// CPU time used by the processes of a run (the load tool, the app, its PostgreSQL) and by the whole machine, read
/// from Linux's /proc. On a machine shared with other work, wall-clock latency mostly measures the wait for a core;
/// CPU time per accepted change says what each part costs, whoever else is running.
/// </summary>
internal sealed class CpuMeter(int? serverPid, int? postgresPid)
{
    /// <summary>Clock ticks per second of /proc's CPU counters (USER_HZ, 100 on every Linux we run on).</summary>
    private const double TicksPerSecond = 100;

    public CpuSample Sample() => new(
        ProcessSeconds(Environment.ProcessId),
        serverPid is int server ? ProcessSeconds(server) : 0,
        postgresPid is int postmaster ? TreeSeconds(postmaster) : 0,
        MachineSeconds());

    /// <summary>The postmaster named in a PostgreSQL data directory's <c>postmaster.pid</c>.</summary>
    public static int? PostmasterOf(string? dataDirectory)
    {
        if (dataDirectory is null) return null;
        try
        {
            var first = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>User plus system time of one process, in seconds (0 when it is gone).</summary>
    private static double ProcessSeconds(int pid) => Stat(pid) is { } stat ? stat.Seconds : 0;

    /// <summary>A process and its direct children (PostgreSQL's backends and workers), in seconds.</summary>
    private static double TreeSeconds(int parent)
    {
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid)) continue;
            if (Stat(pid) is { } stat && (pid == parent || stat.ParentPid == parent)) total += stat.Seconds;
        }
        return total;
    }

    /// <summary>Busy time of all cores together (everything but idle and iowait), in seconds.</summary>
    private static double MachineSeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...
        double busy = 0;
        for (int i = 1; i < Math.Min(cpu.Length, 9); i++)
        {
            if (i is 4 or 5) continue;
            busy += double.Parse(cpu[i], CultureInfo.InvariantCulture);
        }
        return busy / TicksPerSecond;
    }

    private static (double Seconds, int ParentPid)? Stat(int pid)
    {
        string line;
        try
        {
            line = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name is in parentheses and may hold spaces; the fields after it are plain.
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        // After the name: state(0) ppid(1) ... utime(11) stime(12).
        int ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
        double ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
        return (ticks / TicksPerSecond, ppid);
    }
}

/// <summary>CPU seconds used so far by the load tool, the app, its PostgreSQL and the machine as a whole.</summary>
internal readonly record struct CpuSample(double LoadTool, double Server, double Postgres, double Machine)
{
    public static CpuSample operator -(CpuSample a, CpuSample b) =>
        new(a.LoadTool - b.LoadTool, a.Server - b.Server, a.Postgres - b.Postgres, a.Machine - b.Machine);
}
