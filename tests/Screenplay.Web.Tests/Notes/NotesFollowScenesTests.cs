using Microsoft.Extensions.DependencyInjection;
using Screenplay.Fountain.Tests.Scenes;
using Screenplay.Fountain.Text;
using Screenplay.LoadTest;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// Notes stay with the scene a person would say they belong to while a writer edits live over the hub: random edits
/// (typing inside scenes, scenes inserted, split, copied, headings rewritten, renumbering, scenes moved, cut and pasted
/// back later, deleted) are pushed by a real editor connection, and after every step each thread sits on its scene's
/// current place, or is detached when that scene is gone; no thread is ever lost. Now and then the script is unloaded
/// and opened again from the database, which must agree.
/// </summary>
public sealed class NotesFollowScenesTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    private const int Steps = 36;
    private readonly ScreenplayApp app = fixture.App;

    public static TheoryData<int> Seeds() => [11, 22, 33];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_thread_follows_its_scene_through_random_live_edits_and_reloads(int seed)
    {
        var random = new Random(seed);
        var notes = app.Services.GetRequiredService<ScriptNotes>();
        var sessions = app.Services.GetRequiredService<ScriptSessions>();
        var writer = await app.CreateUserAsync("Writer");
        var director = await app.CreateUserAsync("Director");
        var model = ScriptModel.Random(random, random.Next(3, 6));
        var scriptId = await writer.CreateScriptAsync("Property", model.Render());
        await writer.ShareAsync(scriptId, director, ScriptRole.Commenter);

        // Thread id -> the scene (model truth) it was written on.
        var threads = new Dictionary<Guid, int>();
        async Task NoteOnAsync(int sceneIndex, string context)
        {
            var scenes = await notes.ListScenesAsync(scriptId, director.Id);
            Assert.True(scenes!.Count == model.Scenes.Count, $"{context}: the server has {scenes.Count} scenes, the model {model.Scenes.Count}");
            var result = await notes.CreateAsync(scriptId, director.Id, scenes[sceneIndex].Id, $"Note on scene {sceneIndex} ({context}).");
            Assert.True(result.Done, $"{context}: {result.Outcome} {result.Error}");
            threads[result.NoteId!.Value] = model.Scenes[sceneIndex].Truth;
        }

        for (var i = 0; i < model.Scenes.Count; i++) await NoteOnAsync(i, "start");
        var editor = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        try
        {
            for (var step = 0; step < Steps; step++)
            {
                var edit = model.RandomEdit(random);
                var context = $"seed {seed}, step {step}: {edit.Description}";
                editor.Edit(current => ChangeSet.Of(edit.Changes, current.Length));
                await editor.SettleAsync(TimeSpan.FromSeconds(10));
                Assert.Equal(model.Render(), editor.Text);

                if (step % 12 == 11)
                {
                    // Unload the script (idle) and open it again from what is stored.
                    var before = await notes.ListScenesAsync(scriptId, writer.Id);
                    await editor.DisposeAsync();
                    await CollaborationIntents.EventuallyAsync(() => !sessions.IsLoaded(scriptId), "the idle script is unloaded");
                    editor = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
                    var after = await notes.ListScenesAsync(scriptId, writer.Id);
                    Assert.Equal(before!.Select(s => (s.Id, s.Heading)), after!.Select(s => (s.Id, s.Heading)));
                    context += " (after a reload)";
                }

                await CheckAsync(notes, scriptId, director.Id, model, threads, context);
                if (random.Next(4) == 0 && model.Scenes.Count > 0) await NoteOnAsync(random.Next(model.Scenes.Count), context);
            }
        }
        finally
        {
            await editor.DisposeAsync();
        }
    }

    private static async Task CheckAsync(ScriptNotes notes, Guid scriptId, string userId, ScriptModel model, Dictionary<Guid, int> threads, string context)
    {
        var listed = await notes.ListThreadsAsync(scriptId, userId);
        Assert.True(listed!.Count == threads.Count, $"{context}: {listed.Count} threads listed, {threads.Count} written");
        var detached = (await notes.ListDetachedAsync(scriptId, userId))!.SelectMany(d => d.Threads).Select(t => t.Id).ToHashSet();
        foreach (var thread in listed)
        {
            var truth = threads[thread.Id];
            var place = model.Scenes.FindIndex(s => s.Truth == truth);
            if (place < 0)
            {
                Assert.True(thread.Detached && detached.Contains(thread.Id), $"{context}: the thread on deleted scene {truth} should be detached, it is on {thread.Scene.Ordinal}");
            }
            else
            {
                Assert.True(!thread.Detached && thread.Scene.Ordinal == place && !detached.Contains(thread.Id),
                    $"{context}: the thread on scene {truth} should be on scene {place} ({model.Scenes[place].Heading}), it is on {thread.Scene.Ordinal} ({thread.Scene.Heading})");
                Assert.Equal(model.Scenes[place].Heading, thread.Scene.Heading.Split(" #")[0]);
            }
        }
    }
}
