using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Screenplay.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Screenplay.Web.Operations;

/// <summary>Logging, limits and health: the parts an operator configures (see docs/operations.md).</summary>
internal static class OperationsSetup
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        // Structured logs: `Logging:Console:FormatterName=json` (the Production default in appsettings.json) writes one JSON object per line.
        builder.Logging.AddConsole();

        var limits = builder.Configuration.GetSection(ScreenplayLimits.Section).Get<ScreenplayLimits>() ?? new ScreenplayLimits();
        builder.Services.Configure<ScreenplayLimits>(builder.Configuration.GetSection(ScreenplayLimits.Section));
        // An upload may be a little larger than the file it carries (multipart framing, the other form fields).
        var requestLimit = limits.MaxUploadBytes + 64 * 1024;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = requestLimit);
        builder.Services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = requestLimit;
            // The plain editor posts the whole script as one form field.
            f.ValueLengthLimit = (int)Math.Min(int.MaxValue, limits.MaxScriptChars * 4L);
        });

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Answered right here rather than by re-running a page: a failed POST must not be replayed through
            // antiforgery and form handling a second time.
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                // Bad requests (a missing antiforgery token, a body over the size limit) keep their 4xx status.
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                ExceptionHandler = context => StatusPage.WriteAsync(context.Response),
            });
        }
        app.UseStatusCodePages(context => StatusPage.WriteAsync(context.HttpContext.Response));
        return app;
    }
}

/// <summary>Healthy when PostgreSQL answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<ScreenplayDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
