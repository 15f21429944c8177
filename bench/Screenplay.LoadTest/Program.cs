using System.Diagnostics;
using System.Globalization;
using Screenplay.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

return await new LoadRun(options).RunAsync();

/// <summary>One load run: set up an account and scripts, connect the editors, type, measure, check nothing was lost.</summary>
internal sealed class LoadRun(LoadOptions options)
{
    private const string StartText = "FADE IN:\n\nINT. WRITERS' ROOM - NIGHT\n\n";
    // One list per receiving editor, filled under that editor's own lock: a single shared list behind one lock had a
    // thousand connections' receive threads spinning on it, which the profile showed as a large part of the tool's CPU.
    private List<double>[] latenciesMs = [];
    private long[][] sentAt = [];
    private volatile bool measuring;

    public async Task<int> RunAsync()
    {
        Console.WriteLine($"Load: {options.Editors} editors on {options.Scripts} scripts, {options.KeysPerSecond} keys/s each, " +
                          $"{options.Warmup.TotalSeconds}s warm-up + {options.Duration.TotalSeconds}s measured, against {options.Url}");
        using var site = new SiteSession(options.Url);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        await site.RegisterAsync("Load Test", $"load-{stamp}-{Guid.NewGuid():N}@example.test", "load-test-password");
        var scripts = new List<Guid>();
        for (int s = 0; s < options.Scripts; s++)
        {
            // Each editor types at the end of a line of its own, as co-writers work in different places; editors
            // all typing at one spot would measure collisions instead of throughput.
            var lines = Enumerable.Range(0, options.Editors).Where(i => i % options.Scripts == s).Select(i => Marker(i) + "\n");
            scripts.Add(await site.CreateScriptAsync($"Load {stamp} #{s + 1}", StartText + string.Concat(lines)));
        }

        long rssBefore = ServerRss();
        var editors = new SimulatedEditor[options.Editors];
        int expectedPerEditor = (int)Math.Ceiling(options.KeysPerSecond * (options.Warmup + options.Duration).TotalSeconds * 1.5) + 100;
        sentAt = new long[options.Editors][];
        latenciesMs = new List<double>[options.Editors];
        var counts = new Dictionary<string, int>[options.Editors];
        var indexOf = new Dictionary<string, int>();
        for (int i = 0; i < options.Editors; i++)
        {
            var editor = new SimulatedEditor(options.Url, site.Cookies, scripts[i % scripts.Count], $"e{i}");
            editors[i] = editor;
            indexOf[editor.ClientId] = i;
            sentAt[i] = new long[expectedPerEditor];
            var seen = counts[i] = [];
            var latencies = latenciesMs[i] = [];
            editor.RemoteApplied = updates =>
            {
                long now = Stopwatch.GetTimestamp();
                foreach (var u in updates)
                {
                    int k = seen[u.ClientId] = seen.GetValueOrDefault(u.ClientId) + 1;
                    var sent = sentAt[indexOf[u.ClientId]];
                    if (measuring && k - 1 < sent.Length && sent[k - 1] != 0)
                    {
                        var ms = Stopwatch.GetElapsedTime(sent[k - 1], now).TotalMilliseconds;
                        latencies.Add(ms);
                    }
                }
            };
        }

        var connectWatch = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(16))
        {
            await Task.WhenAll(editors.Select(async e =>
            {
                await gate.WaitAsync();
                try { await e.OpenAsync(); }
                finally { gate.Release(); }
            }));
        }
        Console.WriteLine($"Connected {options.Editors} editors in {connectWatch.Elapsed.TotalSeconds:F1}s");
        var initialVersions = editors.Select(e => e.Version).ToArray();
        await Task.Delay(1000);
        long rssConnected = ServerRss();

        using var stop = new CancellationTokenSource();
        var typed = new int[options.Editors];
        var typing = editors.Select((e, i) => Task.Run(() => TypeAsync(e, i, typed, stop.Token))).ToList();
        await Task.Delay(options.Warmup);
        var versionsAtStart = scripts.Select((_, s) => editors[s].Version).ToArray();
        var cpu = new CpuMeter(options.ServerPid, CpuMeter.PostmasterOf(options.PostgresData));
        var cpuAtStart = cpu.Sample();
        var loadAtStart = LoadAverage();
        measuring = true;
        var measureWatch = Stopwatch.StartNew();
        await Task.Delay(options.Duration);
        measuring = false;
        var measured = measureWatch.Elapsed;
        var cpuUsed = cpu.Sample() - cpuAtStart;
        var loadAtEnd = LoadAverage();
        var versionsAtEnd = scripts.Select((_, s) => editors[s].Version).ToArray();
        long rssTyping = ServerRss();
        stop.Cancel();
        await Task.WhenAll(typing);

        // Nothing lost: every editor's every keystroke is in the log once, and each script's editors agree.
        Console.WriteLine("Settling...");
        foreach (var e in editors) await e.SettleAsync(TimeSpan.FromSeconds(120));
        foreach (var e in editors) await e.PullAsync();
        int diverged = 0, lost = 0;
        for (int s = 0; s < scripts.Count; s++)
        {
            var group = editors.Where((_, i) => i % scripts.Count == s).ToList();
            var made = group.Sum(e => typed[Array.IndexOf(editors, e)]);
            if (group.Any(e => e.Text != group[0].Text || e.Version != group[0].Version)) diverged++;
            int first = Array.IndexOf(editors, group[0]);
            if (group[0].Version - initialVersions[first] != made) lost += Math.Abs(made - (group[0].Version - initialVersions[first]));
        }
        int faults = editors.Sum(e => e.Faults);
        foreach (var e in editors) await e.DisposeAsync();

        double[] sorted;
        // The editors are disposed: no callback adds to the lists any more.
        sorted = latenciesMs.SelectMany(l => l).Order().ToArray();
        long accepted = versionsAtEnd.Zip(versionsAtStart, (end, start) => (long)end - start).Sum();
        Console.WriteLine();
        Console.WriteLine($"| editors | scripts | keys/s/editor | samples | p50 ms | p99 ms | max ms | accepted changes/s | server MB per editor | lost | diverged |");
        Console.WriteLine($"|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {options.Editors} | {options.Scripts} | {options.KeysPerSecond} | {sorted.Length} | {Percentile(sorted, 0.50):F1} | {Percentile(sorted, 0.99):F1} | {(sorted.Length > 0 ? sorted[^1] : 0):F1} | " +
            $"{accepted / measured.TotalSeconds:F0} | {PerEditor(rssConnected, rssBefore)} (typing: {PerEditor(rssTyping, rssBefore)}) | {lost} | {diverged} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Server RSS: {Mb(rssBefore)} MB before, {Mb(rssConnected)} MB connected, {Mb(rssTyping)} MB while typing; client faults: {faults}"));
        Console.WriteLine(CpuReport(cpuUsed, accepted, measured));
        Console.WriteLine($"Load average (1 min) at the start and end of the measured window: {loadAtStart} / {loadAtEnd}");
        return lost == 0 && diverged == 0 && faults == 0 ? 0 : 1;
    }

    private async Task TypeAsync(SimulatedEditor editor, int index, int[] typed, CancellationToken stop)
    {
        var random = new Random(options.Seed * 100_003 + index);
        try
        {
            // Start at different moments so the editors do not type in lockstep.
            await Task.Delay(random.Next(0, (int)(1000 / options.KeysPerSecond)), stop);
            while (!stop.IsCancellationRequested)
            {
                // Human rhythm: exponential gaps around the mean, a word break every few keys.
                var gap = -Math.Log(1 - random.NextDouble()) / options.KeysPerSecond;
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(gap, 5 / options.KeysPerSecond)), stop);
                char key = random.Next(6) == 0 ? ' ' : (char)('a' + random.Next(26));
                int k = typed[index];
                var marker = Marker(index);
                editor.Edit(text =>
                {
                    int at = text.IndexOf('\n', text.IndexOf(marker, StringComparison.Ordinal));
                    var change = Screenplay.Fountain.Text.ChangeSet.Of(at, at, key.ToString(), text.Length);
                    if (k < sentAt[index].Length) sentAt[index][k] = Stopwatch.GetTimestamp();
                    return change;
                });
                typed[index] = k + 1;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Marker(int editor) => $"@e{editor}:";

    /// <summary>CPU per accepted change of each part, and how busy the machine's cores were in all.</summary>
    private static string CpuReport(CpuSample used, long accepted, TimeSpan measured)
    {
        double PerChange(double seconds) => accepted == 0 ? 0 : seconds * 1000 / accepted;
        double Cores(double seconds) => seconds / measured.TotalSeconds;
        double others = used.Machine - used.LoadTool - used.Server - used.Postgres;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU ms per accepted change: load tool {PerChange(used.LoadTool):F3}, app {PerChange(used.Server):F3}, PostgreSQL {PerChange(used.Postgres):F3}; " +
            $"cores busy: load tool {Cores(used.LoadTool):F2}, app {Cores(used.Server):F2}, PostgreSQL {Cores(used.Postgres):F2}, everything else {Cores(others):F2} " +
            $"(machine {Cores(used.Machine):F2} of {Environment.ProcessorCount})");
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private long ServerRss()
    {
        if (options.ServerPid is not int pid) return 0;
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:"));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private string PerEditor(long rss, long before) =>
        options.ServerPid is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{(rss - before) / 1024.0 / 1024.0 / options.Editors:F3}");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F0}");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
