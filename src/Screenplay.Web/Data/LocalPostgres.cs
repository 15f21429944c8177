using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Screenplay.Web.Data;

/// <summary>
/// A project-local PostgreSQL cluster for development and tests, so nobody needs Docker or a server: the machine's
/// PostgreSQL binaries run <c>initdb</c> into a folder once, then <c>pg_ctl</c> starts the server on a free loopback
/// port (no Unix socket, trust auth, reachable from this machine only) and stops it again with the app.
/// As root, every PostgreSQL command runs as the <c>postgres</c> user (initdb refuses root), and a missing
/// PostgreSQL is installed from Debian's packages; anyone else is told the one command to run.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    public const string SuperUser = "screenplay";
    private const string OsUser = "postgres";

    private readonly string _bin;
    private readonly ILogger _logger;
    private bool _stopped;

    private LocalPostgres(string bin, string dataDirectory, int port, ILogger logger)
    {
        _bin = bin;
        DataDirectory = dataDirectory;
        Port = port;
        _logger = logger;
    }

    public string DataDirectory { get; }
    public int Port { get; }

    private static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>The connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        // Tests create and drop many databases; pooled idle connections would block DROP DATABASE.
        Pooling = true,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>Initialises the cluster in <paramref name="dataDirectory"/> if needed and starts it (or adopts it when it is already running).</summary>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, ILogger logger, CancellationToken cancellationToken = default)
    {
        var bin = FindOrInstallBinaries(logger);
        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        if (RunsAsRoot)
        {
            await RunAsync("chown", ["-R", $"{OsUser}:{OsUser}", dataDirectory], asPostgres: false, cancellationToken);
            if (await TryRunAsync("test", ["-w", dataDirectory], asPostgres: true, cancellationToken) != 0)
            {
                throw new LocalPostgresException(
                    $"The '{OsUser}' user cannot write to {dataDirectory} (a parent folder is closed to other users). " +
                    "Set LocalPostgres:DataDirectory to a folder under /var/tmp or configure ConnectionStrings:Screenplay.");
            }
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            logger.LogInformation("Creating a local PostgreSQL cluster in {DataDirectory}", dataDirectory);
            await RunAsync(Path.Combine(bin, "initdb"),
                ["-D", dataDirectory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                asPostgres: RunsAsRoot, cancellationToken);
        }

        var running = RunningPort(dataDirectory);
        if (running is int port && await TryRunAsync(Path.Combine(bin, "pg_ctl"), ["status", "-D", dataDirectory], RunsAsRoot, cancellationToken) == 0)
        {
            logger.LogInformation("Adopting the local PostgreSQL already running on port {Port}", port);
            return new LocalPostgres(bin, dataDirectory, port, logger);
        }

        port = FreeLoopbackPort();
        var log = Path.Combine(dataDirectory, "server.log");
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["start", "-D", dataDirectory, "-w", "-t", "60", "-l", log,
             "-o", $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories='' -c fsync=on"],
            asPostgres: RunsAsRoot, cancellationToken);
        logger.LogInformation("Started local PostgreSQL on 127.0.0.1:{Port} (data in {DataDirectory})", port, dataDirectory);
        return new LocalPostgres(bin, dataDirectory, port, logger);
    }

    /// <summary>Creates <paramref name="database"/> unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        // Ctrl+C in a terminal reaches the server too (same process group) and stops it on its own: not an error.
        var (code, output) = await ExecAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w"], RunsAsRoot, CancellationToken.None);
        if (code == 0 || !File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            _logger.LogInformation("Stopped local PostgreSQL on port {Port}", Port);
        }
        else
        {
            _logger.LogWarning("Could not stop local PostgreSQL on port {Port}: {Output}", Port, output);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static string FindOrInstallBinaries(ILogger logger)
    {
        if (FindBinaries() is { } found) return found;
        if (!RunsAsRoot)
        {
            throw new LocalPostgresException(
                "PostgreSQL is not installed and no connection string is configured. Install it with:\n" +
                "    sudo apt-get install -y postgresql\n" +
                "or set ConnectionStrings__Screenplay to an existing server.");
        }

        logger.LogWarning("PostgreSQL binaries not found; installing Debian's postgresql package (apt-get)");
        RunAsync("apt-get", ["update"], asPostgres: false, CancellationToken.None).GetAwaiter().GetResult();
        RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], asPostgres: false, CancellationToken.None).GetAwaiter().GetResult();
        return FindBinaries() ?? throw new LocalPostgresException("Installed postgresql, but found no initdb under /usr/lib/postgresql/*/bin.");
    }

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> that has initdb and pg_ctl (or <c>SCREENPLAY_PG_BIN</c>).</summary>
    internal static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("SCREENPLAY_PG_BIN");
        if (!string.IsNullOrEmpty(configured)) return configured;
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir).Split('.')[0], out var v) ? v : -1))
            .Where(x => File.Exists(Path.Combine(x.dir, "bin", "initdb")) && File.Exists(Path.Combine(x.dir, "bin", "pg_ctl")))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault();
    }

    /// <summary>The port in postmaster.pid (4th line) when a server seems to run on this directory.</summary>
    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres, CancellationToken cancellationToken)
    {
        var (code, output) = await ExecAsync(file, args, asPostgres, cancellationToken);
        if (code != 0)
        {
            throw new LocalPostgresException($"`{Path.GetFileName(file)} {string.Join(' ', args)}` failed with exit code {code}:\n{output}");
        }
    }

    private static async Task<int> TryRunAsync(string file, string[] args, bool asPostgres, CancellationToken cancellationToken) =>
        (await ExecAsync(file, args, asPostgres, cancellationToken)).Code;

    private static async Task<(int Code, string Output)> ExecAsync(string file, string[] args, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // pg_ctl's server inherits our cwd; a folder the postgres user can enter avoids "could not change directory" noise.
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", OsUser, "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";

        using var process = Process.Start(start) ?? throw new LocalPostgresException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}

internal sealed class LocalPostgresException(string message) : Exception(message);
