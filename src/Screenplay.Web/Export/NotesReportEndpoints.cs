using System.Text;
using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Data;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Export;

/// <summary>The notes report downloads: <c>notes.md</c> and <c>notes.pdf</c> (paper as for the script PDF). Every member may export.</summary>
internal static class NotesReportEndpoints
{
    public static RouteGroupBuilder MapNotesReport(this RouteGroupBuilder export)
    {
        export.MapGet("/notes.md", async (Guid id, HttpContext http, ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory,
            NotesReportQuery notes) =>
        {
            var (problem, report, title) = await LoadAsync(id, http, access, dbFactory, notes);
            if (problem is not null) return problem;
            return Results.File(Encoding.UTF8.GetBytes(NotesReportMarkdown.Write(report!)), "text/markdown; charset=utf-8",
                ExportFiles.FileName(title + " notes", "md"));
        });

        export.MapGet("/notes.pdf", async (Guid id, string? paper, HttpContext http, ScriptAccess access,
            IDbContextFactory<ScreenplayDbContext> dbFactory, NotesReportQuery notes) =>
        {
            if (ExportSetup.ParsePaper(paper) is not { } paperSize)
            {
                return Results.Problem("Paper must be 'letter' or 'a4'.", statusCode: StatusCodes.Status400BadRequest);
            }
            var (problem, report, title) = await LoadAsync(id, http, access, dbFactory, notes);
            if (problem is not null) return problem;
            return Results.File(NotesReportPdf.Write(report!, paperSize), "application/pdf", ExportFiles.FileName(title + " notes", "pdf"));
        });

        return export;
    }

    private static async Task<(IResult? Problem, NotesReport? Report, string Title)> LoadAsync(Guid id, HttpContext http, ScriptAccess access,
        IDbContextFactory<ScreenplayDbContext> dbFactory, NotesReportQuery notes)
    {
        var check = await access.CheckAsync(id, http.User, ScriptAction.Export);
        if (!check.Allowed) return (check.ToProblem(), null, "");
        await using var db = await dbFactory.CreateDbContextAsync();
        var title = await db.Scripts.AsNoTracking().Where(s => s.Id == id).Select(s => s.Title).SingleAsync();
        var report = await notes.ReportAsync(id, ScriptAccess.UserId(http.User), title);
        // ScriptAccess allowed the export a moment ago; a null here means access ended in between.
        return report is null ? (Results.NotFound(), null, "") : (null, report, title);
    }
}
