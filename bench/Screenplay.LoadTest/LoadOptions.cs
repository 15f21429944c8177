namespace Screenplay.LoadTest;

/// <summary>Command-line settings of one load run.</summary>
internal sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public int Editors { get; init; } = 50;
    public int Scripts { get; init; } = 1;
    /// <summary>Keystrokes per second per editor; 5/s is a quick typist (300 characters a minute).</summary>
    public double KeysPerSecond { get; init; } = 4;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The app's process id, to read its memory from /proc; optional.</summary>
    public int? ServerPid { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>The app's PostgreSQL data directory, to read its CPU time (its postmaster and backends); optional.</summary>
    public string? PostgresData { get; init; }

    public const string Usage = """
        Screenplay.LoadTest: N editors on M scripts typing at human speed over SignalR against a running app.
          --url URL           the app (default http://127.0.0.1:5080)
          --editors N         editor tabs (default 50), at most 5000
          --scripts M         scripts the editors are spread over (default 1)
          --keys-per-second K keystrokes per editor per second (default 4)
          --warmup S          seconds of typing before measuring (default 5)
          --duration S        seconds measured (default 30), at most 600
          --server-pid PID    the app's process, for its memory per editor (Linux /proc)
          --postgres-data DIR the app's PostgreSQL data directory, for its CPU time (Linux /proc)
          --seed N            random seed (default 1)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--url" => options with { Url = new Uri(Value()) },
                "--editors" => options with { Editors = int.Parse(Value()) },
                "--scripts" => options with { Scripts = int.Parse(Value()) },
                "--keys-per-second" => options with { KeysPerSecond = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture)) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture)) },
                "--server-pid" => options with { ServerPid = int.Parse(Value()) },
                "--seed" => options with { Seed = int.Parse(Value()) },
                "--postgres-data" => options with { PostgresData = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        // Bounded on purpose: the tool must not be able to run away with the machine.
        if (options.Editors is < 2 or > 5000) throw new ArgumentException("--editors must be between 2 and 5000");
        if (options.Scripts < 1 || options.Scripts > options.Editors) throw new ArgumentException("--scripts must be between 1 and --editors");
        if (options.KeysPerSecond is <= 0 or > 50) throw new ArgumentException("--keys-per-second must be in (0, 50]");
        if (options.Duration <= TimeSpan.Zero || options.Duration > TimeSpan.FromMinutes(10)) throw new ArgumentException("--duration must be in (0, 600] seconds");
        if (options.Warmup < TimeSpan.Zero || options.Warmup > TimeSpan.FromMinutes(2)) throw new ArgumentException("--warmup must be in [0, 120] seconds");
        return options;
    }
}
