using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// An app instance that dies after an update is in the log but before its scene rows are written leaves the rows
/// behind the text. Opening the script replays the log from where the rows are and writes what they missed, with
/// the same ids the lost instance gave.
/// </summary>
public sealed class SceneRecoveryTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    [Fact]
    public async Task Scene_rows_left_behind_by_a_crash_are_caught_up_from_the_log_with_the_same_ids()
    {
        var app = fixture.App;
        var sessions = app.Services.GetRequiredService<ScriptSessions>();
        var notes = app.Services.GetRequiredService<ScriptNotes>();
        var writer = await app.CreateUserAsync("Writer");
        var scriptId = await writer.CreateScriptAsync("Crash", "INT. KITCHEN - NIGHT\n\nMara washes a cup.\n\nEXT. GARDEN - NIGHT\n\nA boy runs.\n\n");
        await using (var editor = await writer.OpenEditorAsync(scriptId, app.BaseAddress))
        {
            editor.Insert(0, "Title: Crash\n\n");
            await editor.SettleAsync(TimeSpan.FromSeconds(10));
        }

        await CollaborationIntents.EventuallyAsync(() => !sessions.IsLoaded(scriptId), "the script is unloaded");
        List<ScriptScene> before;
        await using (var db = app.CreateDbContext()) before = await db.Scenes.AsNoTracking().Where(s => s.ScriptId == scriptId).ToListAsync();

        // A scene inserted at the top, one retitled, one deleted: every row changes.
        await using (var editor = await writer.OpenEditorAsync(scriptId, app.BaseAddress))
        {
            editor.Edit(t => ChangeSet.Of(t.IndexOf("INT.", StringComparison.Ordinal), t.IndexOf("INT.", StringComparison.Ordinal), "EXT. ROOF - DAWN\n\nPigeons.\n\n", t.Length));
            editor.Edit(t => ChangeSet.Of(t.IndexOf("INT. KITCHEN", StringComparison.Ordinal), t.IndexOf("INT. KITCHEN", StringComparison.Ordinal) + "INT. KITCHEN".Length, "INT. SCULLERY", t.Length));
            editor.Edit(t => ChangeSet.Of(t.IndexOf("EXT. GARDEN", StringComparison.Ordinal), t.Length, "", t.Length));
            await editor.SettleAsync(TimeSpan.FromSeconds(10));
        }

        var expected = (await notes.ListScenesAsync(scriptId, writer.Id))!;
        Assert.Equal(["EXT. ROOF - DAWN", "INT. SCULLERY - NIGHT"], expected.Select(s => s.Heading));
        await CollaborationIntents.EventuallyAsync(() => !sessions.IsLoaded(scriptId), "the script is unloaded again");

        // The crash: those scene writes never happened.
        await using (var db = app.CreateDbContext())
        {
            var kept = before.Select(s => s.Id).ToList();
            await db.Scenes.Where(s => s.ScriptId == scriptId && !kept.Contains(s.Id)).ExecuteDeleteAsync();
            foreach (var row in before)
            {
                await db.Scenes.Where(s => s.Id == row.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Ordinal, row.Ordinal).SetProperty(s => s.Heading, row.Heading)
                    .SetProperty(s => s.VanishedAt, row.VanishedAt).SetProperty(s => s.VanishedText, row.VanishedText)
                    .SetProperty(s => s.Version, row.Version));
            }
        }

        var recovered = (await notes.ListScenesAsync(scriptId, writer.Id))!;
        Assert.Equal(expected.Select(s => (s.Id, s.Ordinal, s.Heading)), recovered.Select(s => (s.Id, s.Ordinal, s.Heading)));
        var garden = Assert.Single(await Vanished(app, scriptId));
        Assert.Equal((before.Single(s => s.Heading == "EXT. GARDEN - NIGHT").Id, "EXT. GARDEN - NIGHT\n\nA boy runs."), (garden.Id, garden.VanishedText));
    }

    private static async Task<List<ScriptScene>> Vanished(ScreenplayApp app, Guid scriptId)
    {
        await using var db = app.CreateDbContext();
        return await db.Scenes.AsNoTracking().Where(s => s.ScriptId == scriptId && s.Ordinal == null).ToListAsync();
    }
}
