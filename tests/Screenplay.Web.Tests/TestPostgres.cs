using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screenplay.Web.Data;

namespace Screenplay.Web.Tests;

/// <summary>
/// The PostgreSQL server of this test run: the one in <c>SCREENPLAY_TEST_POSTGRES</c> (a connection string whose user
/// may create databases), or else one throwaway local cluster in a temp folder, stopped and deleted when the run ends.
/// Every test class gets a fresh database of its own.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "SCREENPLAY_TEST_POSTGRES";

    private static readonly Lazy<Task<Func<string, string>>> Server = new(StartAsync);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var connectionFor = await Server.Value;
        var name = "screenplay_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(connectionFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return connectionFor(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var connectionFor = await Server.Value;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionFor("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<Func<string, string>> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return database => new NpgsqlConnectionStringBuilder(configured) { Database = database }.ConnectionString;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"screenplay-test-pg-{Environment.ProcessId}");
        var cluster = await LocalPostgres.StartAsync(folder, NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster.ConnectionString;
    }
}
