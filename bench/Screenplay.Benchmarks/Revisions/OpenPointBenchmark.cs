using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Screenplay.Fountain.Text;
using Screenplay.Web.Data;
using Screenplay.Web.Revisions;

namespace Screenplay.Benchmarks.Revisions;

/// <summary>
/// Opening a point of a 100,000-update history with the app's <see cref="ScriptHistory"/> against a real local
/// PostgreSQL: the feature script typed on for 100,000 single-character updates, with a checkpoint every 200 updates
/// (the default), so a point costs the nearest checkpoint plus at most 199 logged updates replayed.
/// </summary>
public class OpenPointBenchmark
{
    private const int Updates = 100_000;
    private const int CheckpointEvery = 200;

    private LocalPostgres _postgres = null!;
    private string _directory = "";
    private ScriptHistory _history = null!;
    private Guid _scriptId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "screenplay-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        _postgres = await LocalPostgres.StartAsync(_directory, NullLogger.Instance);
        await _postgres.EnsureDatabaseAsync("bench");
        var connectionString = _postgres.ConnectionString("bench");
        var options = new DbContextOptionsBuilder<ScreenplayDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        var factory = new PooledDbContextFactory<ScreenplayDbContext>(options.Options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var user = new AppUser { Id = "bench", UserName = "bench", DisplayName = "Bench" };
            db.Users.Add(user);
            _scriptId = Guid.NewGuid();
            db.Scripts.Add(new Script { Id = _scriptId, Title = "Bench", OwnerId = user.Id, Text = File.ReadAllText(FeatureFile.Path) });
            await db.SaveChangesAsync();
        }

        await SeedAsync(connectionString, File.ReadAllText(FeatureFile.Path));
        _history = new ScriptHistory(factory);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _postgres.StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The worst case: 199 updates after the last checkpoint.</summary>
    [Benchmark]
    public Task<string?> OpenLatePoint() => _history.TextAtAsync(_scriptId, Updates - 1);

    [Benchmark]
    public Task<string?> OpenEarlyPoint() => _history.TextAtAsync(_scriptId, 12_345);

    /// <summary>Types 100,000 characters at pseudo-random places; logs each as an update; a checkpoint every 200.</summary>
    private async Task SeedAsync(string connectionString, string text)
    {
        var random = new Random(42);
        var buffer = new TextBuffer(text);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var at = DateTimeOffset.UtcNow;
        var checkpoints = new List<(int Version, string Text)> { (0, text) };
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY script_updates (script_id, version, client_id, user_id, changes, at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var version = 0; version < Updates; version++)
            {
                var length = buffer.Length;
                var position = random.Next(length + 1);
                var change = ChangeSet.Of(position, position, ((char)('a' + random.Next(26))).ToString(), length);
                change.ApplyTo(buffer);
                await writer.StartRowAsync();
                await writer.WriteAsync(_scriptId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(version, NpgsqlDbType.Integer);
                await writer.WriteAsync("bench-tab", NpgsqlDbType.Varchar);
                await writer.WriteAsync("bench", NpgsqlDbType.Text);
                await writer.WriteAsync(change.ToJson(), NpgsqlDbType.Json);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                if ((version + 1) % CheckpointEvery == 0) checkpoints.Add((version + 1, buffer.ToString()));
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY script_checkpoints (script_id, version, at, kind, text, author_ids, scenes_touched, words_added, words_removed) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (version, checkpointText) in checkpoints)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(_scriptId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(version, NpgsqlDbType.Integer);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(version == 0 ? "start" : "every", NpgsqlDbType.Varchar);
                await writer.WriteAsync(checkpointText, NpgsqlDbType.Text);
                await writer.WriteAsync(new[] { "bench" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
