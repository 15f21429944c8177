using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Layout;
using Screenplay.Pdf;
using Screenplay.Web.Accounts;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Export;

/// <summary>Downloads of a script as Fountain, Final Draft (FDX) or PDF (optionally with its open notes after each scene), and its notes report; every role may export.</summary>
internal static class ExportSetup
{
    public static WebApplicationBuilder AddExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotesReportQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/scripts/{id:guid}/export").RequireAuthorization();

        export.MapGet("/fountain", async (Guid id, HttpContext http, ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory,
            PostgresUpdateLog log) =>
        {
            var (problem, script) = await LoadAsync(id, http, access, dbFactory, log);
            if (problem is not null) return problem;
            return ExportFiles.Fountain(script!.Text, script.Title);
        });

        export.MapGet("/fdx", async (Guid id, HttpContext http, ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory,
            PostgresUpdateLog log) =>
        {
            var (problem, script) = await LoadAsync(id, http, access, dbFactory, log);
            if (problem is not null) return problem;
            return ExportFiles.FinalDraft(script!.Text, script.Title);
        });

        export.MapGet("/pdf", async (Guid id, bool? sceneNumbers, bool? watermark, bool? openNotes, string? paper, HttpContext http, ScriptAccess access,
            IDbContextFactory<ScreenplayDbContext> dbFactory, PostgresUpdateLog log, NotesReportQuery notes) =>
        {
            if (ParsePaper(paper) is not { } paperSize)
            {
                return Results.Problem("Paper must be 'letter' or 'a4'.", statusCode: StatusCodes.Status400BadRequest);
            }
            var (problem, script) = await LoadAsync(id, http, access, dbFactory, log);
            if (problem is not null) return problem;

            var layout = PageLayout.Default with { Paper = paperSize, SceneNumbers = sceneNumbers == true };
            var text = script!.Text;
            if (openNotes == true && await notes.OpenNotesAsync(id, ScriptAccess.UserId(http.User)) is { } open)
            {
                // The notes are keyed by the scenes of the text they come with (the live one while the script is open).
                (text, layout) = (open.Text, layout with { SceneNotes = open.Notes });
            }
            var options = PdfOptions.Default with
            {
                // The downloader's own name across every page: a leaked draft says whose copy it was.
                Watermark = watermark == true ? http.User.FindFirst(AccountsSetup.DisplayNameClaim)?.Value : null,
            };
            return ExportFiles.Pdf(ScriptLayout.Paginate(text, layout), script.Title, script.Title, options);
        });

        export.MapNotesReport();
        return app;
    }

    /// <summary>Letter (the default) or A4; null for anything else.</summary>
    internal static PaperSize? ParsePaper(string? paper) => paper?.ToLowerInvariant() switch
    {
        null or "" or "letter" => PaperSize.Letter,
        "a4" => PaperSize.A4,
        _ => null,
    };

    /// <summary>The script's title and its text with every acknowledged edit, even one typed a moment ago on another instance.</summary>
    internal static async Task<(IResult? Problem, ExportedScript? Script)> LoadAsync(Guid id, HttpContext http, ScriptAccess access,
        IDbContextFactory<ScreenplayDbContext> dbFactory, PostgresUpdateLog log)
    {
        var check = await access.CheckAsync(id, http.User, ScriptAction.Export);
        if (!check.Allowed) return (check.ToProblem(), null);
        await using var db = await dbFactory.CreateDbContextAsync();
        var stored = await db.Scripts.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Title, s.Text, s.Version }).SingleAsync();
        return (null, new ExportedScript(stored.Title, await log.LatestTextAsync(id, stored.Text, stored.Version, http.RequestAborted)));
    }

    internal sealed record ExportedScript(string Title, string Text);
}
