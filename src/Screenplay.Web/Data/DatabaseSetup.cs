using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Screenplay.Web.Data;

/// <summary>
/// Wires the DbContext to PostgreSQL: the configured <c>ConnectionStrings:Screenplay</c>, or else a project-local
/// cluster (<see cref="LocalPostgres"/>) started now and stopped when the app stops.
/// </summary>
internal static class DatabaseSetup
{
    public const string ConnectionName = "Screenplay";

    public static WebApplicationBuilder AddScreenplayDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = StartLocalPostgres(builder);
        }

        // The factory also registers a scoped ScreenplayDbContext, which Identity's stores use; Blazor components
        // and endpoints create one context per operation from the factory.
        builder.Services.AddDbContextFactory<ScreenplayDbContext>(options => Configure(options, connectionString));
        builder.Services.AddDataProtection().SetApplicationName("Screenplay").PersistKeysToDbContext<ScreenplayDbContext>();
        return builder;
    }

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    private static string StartLocalPostgres(WebApplicationBuilder builder)
    {
        using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(c => c.SingleLine = true));
        var logger = loggerFactory.CreateLogger(typeof(LocalPostgres).FullName!);
        var dataDirectory = builder.Configuration["LocalPostgres:DataDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres");
        var database = builder.Configuration["LocalPostgres:Database"] is { Length: > 0 } name ? name : "screenplay";

        var cluster = LocalPostgres.StartAsync(dataDirectory, logger).GetAwaiter().GetResult();
        cluster.EnsureDatabaseAsync(database).GetAwaiter().GetResult();
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        return cluster.ConnectionString(database);
    }

    /// <summary>The folder holding Screenplay.sln above the content root, so `.data/` sits at the repository root.</summary>
    private static string RepositoryRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Screenplay.sln"))) return dir.FullName;
        }
        return contentRoot;
    }

    /// <summary>Applies pending EF Core migrations (at start, or alone with the <c>migrate</c> command).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScreenplayDbContext>();
        // EF reads the history table before creating it on a new database and logs that read as a failed command
        // (dotnet/efcore#37328); creating the table first keeps a first start's log free of false errors.
        if (await db.Database.CanConnectAsync(cancellationToken))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
        // MigrateAsync takes a database lock, so several instances starting at once apply each migration once.
        await db.Database.MigrateAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup).FullName!)
            .LogInformation("Database schema is at migration {Migration}", applied);
    }
}

/// <summary>Stops the local cluster after everything else has stopped (hosted services stop in reverse order).</summary>
internal sealed class LocalPostgresLifetime(LocalPostgres cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the app or a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ScreenplayDbContext>
{
    public ScreenplayDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ScreenplayDbContext>();
        DatabaseSetup.Configure(options, "Host=127.0.0.1;Database=design_time");
        return new ScreenplayDbContext(options.Options);
    }
}
