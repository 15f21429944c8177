using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Screenplay.Web.Data;
using Screenplay.Web.Operations;

namespace Screenplay.Web.Scripts;

/// <summary>Scripts: create, import, edit, rename, delete and restore. Pages post plain forms here and get redirected back.</summary>
internal static class ScriptsSetup
{
    public static IServiceCollection AddScripts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ScriptAccess>();
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        return services;
    }

    public static IEndpointRouteBuilder MapScripts(this IEndpointRouteBuilder app)
    {
        var scripts = app.MapGroup("/scripts")
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());

        scripts.MapPost("/", async ([FromForm] string? title, HttpContext http, IDbContextFactory<ScreenplayDbContext> dbFactory) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var script = NewScript.Add(db, ScriptAccess.UserId(http.User)!, title ?? "", "", "create");
            await db.SaveChangesAsync();
            return Results.Redirect($"/scripts/{script.Id}");
        });

        scripts.MapPost("/import", ScriptImport.ImportAsync).DisableRequestTimeout();

        scripts.MapPost("/{id:guid}/text", PlainSave.SaveAsync);

        scripts.MapPost("/{id:guid}/rename", async (Guid id, [FromForm] string? title, HttpContext http, ScriptAccess access,
            IDbContextFactory<ScreenplayDbContext> dbFactory) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Rename);
            if (!check.Allowed) return check.ToProblem();
            await using var db = await dbFactory.CreateDbContextAsync();
            var clean = ScriptText.CleanTitle(title);
            await db.Scripts.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Title, clean));
            return Results.Redirect(ReturnTo(http, $"/scripts/{id}"));
        });

        scripts.MapPost("/{id:guid}/delete", async (Guid id, HttpContext http, ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Delete);
            if (!check.Allowed) return check.ToProblem();
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Scripts.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.DeletedAt, DateTimeOffset.UtcNow));
            return Results.Redirect("/?deleted=" + id);
        });

        scripts.MapPost("/{id:guid}/restore", async (Guid id, HttpContext http, ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Restore);
            if (!check.Allowed) return check.ToProblem();
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Scripts.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.DeletedAt, (DateTimeOffset?)null));
            return Results.Redirect($"/scripts/{id}");
        });

        return app;
    }

    /// <summary>A form may say where to go back to (the dashboard renames in place); only local paths are followed.</summary>
    internal static string ReturnTo(HttpContext http, string fallback)
    {
        var target = http.Request.Form["returnUrl"].ToString();
        return target.StartsWith('/') && !target.StartsWith("//") && !target.StartsWith("/\\") ? target : fallback;
    }
}
