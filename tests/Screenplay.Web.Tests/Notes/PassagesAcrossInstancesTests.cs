using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Fountain.Text;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// Two app instances behind Redis, each holding a session for the same script: a passage pinned on one is followed
/// by the other too, as the text changes there, and shows in what that other instance serves.
/// </summary>
public sealed class PassagesAcrossInstancesTests
{
    private const string Text = "INT. KITCHEN - NIGHT\n\nMara stands at the sink.\n\nMARA\nSomebody threw a stone.\n\nEXT. GARDEN - NIGHT\n\nA boy runs.\n\n";

    [RedisFact]
    public async Task A_passage_pinned_on_instance_a_is_followed_live_by_instance_b_which_holds_the_script_too()
    {
        await using var scaledOut = await ScaledOut.StartAsync(new Dictionary<string, string?> { ["Collaboration:SaveTextInterval"] = "00:00:00.200" });
        var (a, b) = (scaledOut.A, scaledOut.B);
        var notes = a.Services.GetRequiredService<ScriptNotes>();
        var writer = await a.CreateUserAsync("Writer");
        var director = await a.CreateUserAsync("Director");
        var scriptId = await writer.CreateScriptAsync("Pins across instances", Text);
        await writer.ShareAsync(scriptId, director, ScriptRole.Commenter);
        await using var onA = await writer.OpenEditorAsync(scriptId, a.BaseAddress);
        await using var onB = await writer.OpenEditorAsync(scriptId, b.BaseAddress);

        // Pinned on A.
        var scenes = (await notes.ListScenesAsync(scriptId, director.Id))!;
        const string line = "Somebody threw a stone.";
        var at = onA.Text.IndexOf(line, StringComparison.Ordinal);
        var note = await notes.CreateAsync(scriptId, director.Id, scenes[0].Id, "Say it quieter.", new PassageInput(at, at + line.Length, onA.Version));
        Assert.True(note.Done, note.Error);

        // Typed on B only (A's session hears of it only when it next pushes): inside the passage and above it.
        onB.Edit(text => ChangeSet.Of(text.IndexOf("threw", StringComparison.Ordinal), text.IndexOf("threw", StringComparison.Ordinal), "just ", text.Length));
        onB.Insert(0, "FADE IN:\n\n");
        await onB.SettleAsync(TimeSpan.FromSeconds(20));
        var moved = onB.Text.IndexOf("Somebody just threw a stone.", StringComparison.Ordinal);

        // B keeps the stored passage current as its text moves (it writes it with its own, newer version)...
        await CollaborationIntents.EventuallyAsync(() =>
        {
            using var db = a.CreateDbContext();
            var row = db.Notes.AsNoTracking().Single(n => n.Id == note.NoteId);
            return (row.PassageFrom, row.PassageTo, row.PassageVersion) == (moved, moved + "Somebody just threw a stone.".Length, onB.Version);
        }, "instance B writes the passage as it follows it", TimeSpan.FromSeconds(20));

        // ...and what B serves quotes it: the notes report downloaded from B.
        using var fromB = new HttpClient(new HttpClientHandler { CookieContainer = director.Client.Cookies }) { BaseAddress = b.BaseAddress };
        using var report = await fromB.GetAsync($"/scripts/{scriptId}/export/notes.md");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("On: *Somebody just threw a stone\\.*", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Moved to the other scene on A: the passage is gone on B as well, and stays gone in the database.
        Assert.True((await notes.MoveAsync(scriptId, writer.Id, note.NoteId!.Value, scenes[1].Id)).Done);
        onB.Insert(0, "Title: Pins\n\n");
        await onB.SettleAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1)); // several of B's save rounds
        using var afterMove = await fromB.GetAsync($"/scripts/{scriptId}/export/notes.md");
        Assert.DoesNotContain("On: ", await afterMove.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = a.CreateDbContext())
        {
            var row = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == note.NoteId);
            Assert.Equal((scenes[1].Id, (int?)null, (int?)null), (row.SceneId, row.PassageFrom, row.PassageTo));
        }
    }
}
