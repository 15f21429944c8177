using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Fountain.Text;
using Screenplay.LoadTest;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// Two app instances over one database, each with a session for the same script, writers typing on both: each
/// instance follows every update (its own and, on catching up, the other's) and writes the scene rows. Because new ids
/// are derived from the script and version, they write the same rows: one row per scene, a moved scene keeps its id.
/// </summary>
public sealed class SceneIdsAcrossInstancesTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    private const string Text = "INT. KITCHEN - NIGHT\n\nMara washes a cup.\n\nEXT. GARDEN - NIGHT\n\nA boy runs between the rose bushes, laughing.\n\nINT. KITCHEN - LATER\n\nThe window is boarded up.\n\n";

    [Fact]
    public async Task Two_instances_following_the_same_updates_agree_on_every_scene_id()
    {
        var app = fixture.App;
        var writer = await app.CreateUserAsync("Writer");
        var scriptId = await writer.CreateScriptAsync("Two instances", Text);
        var original = (await app.Services.GetRequiredService<ScriptNotes>().ListScenesAsync(scriptId, writer.Id))!;
        await using var other = await ExternalApp.StartAsync(app.ConnectionString);
        await using var here = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        await using var there = await writer.OpenEditorAsync(scriptId, other.BaseAddress);

        async Task EditAsync(SimulatedEditor editor, Func<string, ChangeSet?> change)
        {
            // Without Redis the instances do not relay to each other: pull what the other instance wrote first.
            await editor.PullAsync();
            editor.Edit(change);
            await editor.SettleAsync(TimeSpan.FromSeconds(20));
        }

        await EditAsync(here, t => ChangeSet.Of(t.IndexOf("EXT.", StringComparison.Ordinal), t.IndexOf("EXT.", StringComparison.Ordinal), "INT. HALL - NIGHT\n\nFootsteps.\n\n", t.Length));
        await EditAsync(there, t => ChangeSet.Of(t.Length, t.Length, "INT. CELLAR - NIGHT\n\nDust.\n\n", t.Length));
        string garden = "";
        await EditAsync(here, t =>
        {
            var from = t.IndexOf("EXT. GARDEN", StringComparison.Ordinal);
            var to = t.IndexOf("INT. KITCHEN - LATER", StringComparison.Ordinal);
            garden = t[from..to];
            return ChangeSet.Of(from, to, "", t.Length);
        });
        await EditAsync(there, t => ChangeSet.Of(t.Length, t.Length, garden, t.Length));
        await EditAsync(there, t => ChangeSet.Of(t.Length, t.Length, "More dust.\n\n", t.Length));
        // Last on this instance, which therefore has every update (the other learns of it only on its next push).
        await EditAsync(here, t => ChangeSet.Of(0, 0, "EXT. ROOF - DAWN\n\nPigeons.\n\n", t.Length));
        Assert.EndsWith("More dust.\n\n", here.Text);

        var scenes = FountainText.Parse(here.Text).Scenes;
        await using var db = app.CreateDbContext();
        var rows = await db.Scenes.AsNoTracking().Where(s => s.ScriptId == scriptId && s.Ordinal != null).OrderBy(s => s.Ordinal).ToListAsync();
        Assert.Equal(scenes.Select(s => s.Heading), rows.Select(r => r.Heading));
        Assert.Equal(Enumerable.Range(0, scenes.Length), rows.Select(r => r.Ordinal!.Value));
        Assert.Equal(original[1].Id, rows.Single(r => r.Heading == "EXT. GARDEN - NIGHT").Id);
        Assert.Equal(original[0].Id, rows.Single(r => r.Heading == "INT. KITCHEN - NIGHT").Id);
        Assert.Equal(0, await db.Scenes.CountAsync(s => s.ScriptId == scriptId && s.Ordinal == null));
    }
}
