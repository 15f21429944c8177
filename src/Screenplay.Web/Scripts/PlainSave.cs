using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using Screenplay.Web.Operations;
using Screenplay.Web.Revisions;

namespace Screenplay.Web.Scripts;

/// <summary>
/// Saving the whole text from the plain editor. The live edit log is the truth for a script's text, so the save is
/// pushed through the script's session like any writer's edit (<see cref="LiveEdits"/>: durable in the log,
/// broadcast to open editors), then copied into the script row and recorded as a revision with its author.
/// </summary>
internal static class PlainSave
{
    public static async Task<IResult> SaveAsync(Guid id, [FromForm] string? text, HttpContext http, ScriptAccess access,
        LiveEdits edits, ScriptSessions sessions, PostgresUpdateLog log, IDbContextFactory<ScreenplayDbContext> dbFactory,
        IOptions<ScreenplayLimits> limits)
    {
        var check = await access.CheckAsync(id, http.User, ScriptAction.Edit);
        if (!check.Allowed) return check.ToProblem();
        var normalized = ScriptText.Normalize(text ?? "");
        if (ScriptText.CheckSize(normalized, limits.Value) is { } tooLong)
        {
            return Results.Problem(tooLong, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var userId = check.Grant!.UserId;
        var pushed = await edits.ApplyAsync(id, _ => normalized, userId, "save");
        if (!pushed.Done)
        {
            return Results.Problem($"The script could not be saved: {pushed.Error}. Your text was not stored; go back and try again.",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (!pushed.Changed) return Results.Redirect($"/scripts/{id}?saved=1");

        // The session copies its text into the row every few seconds; do it now so the next page shows this save.
        var after = await sessions.UseAsync(id, session => Task.FromResult(session.GetSnapshot()));
        await log.SaveTextAsync(id, after.Version, after.Text, ScriptLayout.PageCount(after.Text), http.RequestAborted);

        await using var db = await dbFactory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        await db.Scripts.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedById, userId).SetProperty(s => s.UpdatedAt, now));
        db.ScriptRevisions.Add(new ScriptRevision { ScriptId = id, UserId = userId, CreatedAt = now, Kind = "save", Text = normalized });
        await db.SaveChangesAsync();
        return Results.Redirect($"/scripts/{id}?saved=1");
    }
}
