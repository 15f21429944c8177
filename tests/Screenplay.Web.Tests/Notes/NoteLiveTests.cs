using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Notes;

/// <summary>Notes live: events over the script hub and in-process, passages that follow the text, detach and re-attach.</summary>
public sealed class NoteLiveTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    private const string Text = """
        INT. KITCHEN - NIGHT

        Mara stands at the sink, staring at a cracked window.

        MARA
        Somebody threw a stone.

        EXT. GARDEN - NIGHT

        A boy runs between the rose bushes, laughing at nothing in particular.

        INT. KITCHEN - LATER

        The window is boarded up.

        """;

    private readonly ScreenplayApp app = fixture.App;
    private ScriptNotes Notes => app.Services.GetRequiredService<ScriptNotes>();

    [Fact]
    public async Task A_note_the_director_writes_reaches_the_writers_editor_and_the_page_at_once_and_scene_changes_follow()
    {
        var writer = await app.CreateUserAsync("Walt Writer");
        var director = await app.CreateUserAsync("Dana Director");
        var scriptId = await writer.CreateScriptAsync("Live notes", Text.ReplaceLineEndings("\n"));
        await writer.ShareAsync(scriptId, director, ScriptRole.Commenter);
        await using var writerTab = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        var heard = new ConcurrentQueue<(string Event, JsonElement Payload)>();
        writerTab.Connection.On<JsonElement>(NoteEvents.NoteChangedEvent, e => heard.Enqueue((NoteEvents.NoteChangedEvent, e)));
        writerTab.Connection.On<JsonElement>(NoteEvents.ScenesChangedEvent, e => heard.Enqueue((NoteEvents.ScenesChangedEvent, e)));
        var inProcess = new ConcurrentQueue<object>();
        using var subscription = app.Services.GetRequiredService<NoteEvents>().Subscribe(scriptId, e =>
        {
            inProcess.Enqueue(e);
            return Task.CompletedTask;
        });

        var scenes = (await Notes.ListScenesAsync(scriptId, director.Id))!;
        var note = await Notes.CreateAsync(scriptId, director.Id, scenes[1].Id, "The boy should be *older*. @Walt Writer?");
        Assert.True(note.Done);
        await CollaborationIntents.EventuallyAsync(() => heard.Any(h => h.Event == NoteEvents.NoteChangedEvent), "the writer hears of the note");
        var created = heard.Single().Payload;
        Assert.Equal(("created", note.NoteId!.Value, scenes[1].Id, director.Id),
            (created.GetProperty("kind").GetString(), created.GetProperty("noteId").GetGuid(), created.GetProperty("sceneId").GetGuid(),
                created.GetProperty("byUserId").GetString()));
        await CollaborationIntents.EventuallyAsync(() => inProcess.Any(e => e is NoteEvent { Kind: "created" } n && n.NoteId == note.NoteId),
            "the page hears of the note in-process");

        // The writer answers and resolves; the thread reads as the writer sees it.
        var reply = await Notes.ReplyAsync(scriptId, writer.Id, note.NoteId!.Value, "Done: he is twelve now.");
        await Notes.ResolveAsync(scriptId, writer.Id, note.NoteId!.Value);
        await CollaborationIntents.EventuallyAsync(() => heard.Count(h => h.Event == NoteEvents.NoteChangedEvent) == 3, "reply and resolve are heard");
        Assert.Equal(["created", "replied", "resolved"], heard.Select(h => h.Payload.GetProperty("kind").GetString()));
        var thread = (await Notes.GetThreadAsync(scriptId, writer.Id, note.NoteId!.Value))!;
        Assert.Equal((NoteStatus.Resolved, "Walt Writer", true), (thread.Status, thread.ResolvedByName, thread.MentionsMe));
        Assert.Equal("<p>The boy should be <em>older</em>. @Walt Writer?</p>\n", thread.Root.Html);
        Assert.Equal([new MentionView(writer.Id, "Walt Writer")], thread.Root.Mentions);
        Assert.Equal((reply.NoteId, "Dana Director"), (thread.Replies.Single().Id, thread.Root.AuthorName));

        // A scene typed in at the top renumbers the others: everyone hears the new order, the note stays on its scene.
        heard.Clear();
        writerTab.Insert(0, "EXT. STREET - NIGHT\n\nA stone flies.\n\n");
        await writerTab.SettleAsync(TimeSpan.FromSeconds(10));
        await CollaborationIntents.EventuallyAsync(() => heard.Any(h => h.Event == NoteEvents.ScenesChangedEvent), "the scene change is heard");
        var changed = heard.Last(h => h.Event == NoteEvents.ScenesChangedEvent).Payload;
        var order = changed.GetProperty("scenes").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([.. scenes.Select(s => s.Id)], order.Skip(1));
        Assert.Equal([order[0]], changed.GetProperty("created").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(writerTab.Version, changed.GetProperty("version").GetInt32());
        var after = (await Notes.ListScenesAsync(scriptId, writer.Id))!;
        Assert.Equal((scenes[1].Id, 2, 0, 1), (after[2].Id, after[2].Ordinal, after[2].OpenNotes, after[2].ResolvedNotes));
    }

    [Fact]
    public async Task A_subscriber_that_hangs_never_holds_up_the_writers_keystrokes()
    {
        var writer = await app.CreateUserAsync("Hung Panel Writer");
        var scriptId = await writer.CreateScriptAsync("Hung panel", Text.ReplaceLineEndings("\n"));
        await using var writerTab = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var called = 0;
        // A notes panel whose browser stopped answering: its reload never finishes.
        using var subscription = app.Services.GetRequiredService<NoteEvents>().Subscribe(scriptId, async _ =>
        {
            Interlocked.Increment(ref called);
            await release.Task;
        });
        try
        {
            // New scenes raise scene events on the push path; each push is still acknowledged at once.
            for (var i = 0; i < 3; i++)
            {
                writerTab.Insert(0, $"EXT. STREET {i} - NIGHT\n\nA stone flies.\n\n");
                await writerTab.SettleAsync(TimeSpan.FromSeconds(10));
            }
            await CollaborationIntents.EventuallyAsync(() => Volatile.Read(ref called) == 3, "the hung subscriber was told of every scene change");
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task A_pinned_passage_follows_the_text_survives_a_reload_and_falls_back_to_its_scene_when_deleted()
    {
        var writer = await app.CreateUserAsync("Writer");
        var director = await app.CreateUserAsync("Director");
        var scriptId = await writer.CreateScriptAsync("Pins", Text.ReplaceLineEndings("\n"));
        await writer.ShareAsync(scriptId, director, ScriptRole.Commenter);
        var editor = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        try
        {
            var scenes = (await Notes.ListScenesAsync(scriptId, director.Id))!;
            const string line = "Somebody threw a stone.";
            var at = editor.Text.IndexOf(line, StringComparison.Ordinal);
            // The director picked the passage a version ago: the writer typed meanwhile, and the server maps it.
            var pickedAt = editor.Version;
            editor.Insert(0, "FADE IN:\n\n");
            await editor.SettleAsync(TimeSpan.FromSeconds(10));
            var note = await Notes.CreateAsync(scriptId, director.Id, scenes[0].Id, "Say it quieter.", new PassageInput(at, at + line.Length, pickedAt));
            Assert.True(note.Done, note.Error);
            Assert.Equal(line, PassageText(editor, await PassageAsync(scriptId, writer, note.NoteId!.Value)));

            var wrong = await Notes.CreateAsync(scriptId, director.Id, scenes[1].Id, "Not in this scene.", new PassageInput(at, at + 5, pickedAt));
            Assert.Equal(NoteOutcome.Invalid, wrong.Outcome);
            Assert.Contains("not inside the note's scene", wrong.Error);

            // Typing inside it grows it; typing before it moves it.
            editor.Edit(text => ChangeSet.Of(text.IndexOf("threw", StringComparison.Ordinal), text.IndexOf("threw", StringComparison.Ordinal), "just ", text.Length));
            editor.Insert(0, "Title: Pins\n\n");
            await editor.SettleAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("Somebody just threw a stone.", PassageText(editor, await PassageAsync(scriptId, writer, note.NoteId!.Value)));

            // Unloaded and opened again: the stored passage is where it was.
            await editor.DisposeAsync();
            var sessions = app.Services.GetRequiredService<ScriptSessions>();
            await CollaborationIntents.EventuallyAsync(() => !sessions.IsLoaded(scriptId), "the idle script is unloaded");
            await using (var db = app.CreateDbContext())
            {
                var row = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == note.NoteId);
                Assert.Equal(editor.Version, row.PassageVersion);
            }

            editor = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
            Assert.Equal("Somebody just threw a stone.", PassageText(editor, await PassageAsync(scriptId, writer, note.NoteId!.Value)));

            // The line deleted: the note stays on its scene, without a passage.
            editor.Edit(text =>
            {
                var from = text.IndexOf("MARA", StringComparison.Ordinal);
                return ChangeSet.Of(from, text.IndexOf("EXT. GARDEN", StringComparison.Ordinal), "", text.Length);
            });
            await editor.SettleAsync(TimeSpan.FromSeconds(10));
            var thread = (await Notes.GetThreadAsync(scriptId, writer.Id, note.NoteId!.Value))!;
            Assert.Equal((scenes[0].Id, 0, (PassageView?)null), (thread.Scene.Id, thread.Scene.Ordinal, thread.Passage));
        }
        finally
        {
            await editor.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_deleted_scenes_notes_are_detached_come_back_with_an_undo_and_a_writer_can_reattach_them()
    {
        var writer = await app.CreateUserAsync("Writer");
        var director = await app.CreateUserAsync("Director");
        var scriptId = await writer.CreateScriptAsync("Detach", Text.ReplaceLineEndings("\n"));
        await writer.ShareAsync(scriptId, director, ScriptRole.Commenter);
        await using var editor = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        var scenes = (await Notes.ListScenesAsync(scriptId, director.Id))!;
        var note = (await Notes.CreateAsync(scriptId, director.Id, scenes[1].Id, "Cut the laughing?")).NoteId!.Value;

        var from = editor.Text.IndexOf("EXT. GARDEN", StringComparison.Ordinal);
        var to = editor.Text.IndexOf("INT. KITCHEN - LATER", StringComparison.Ordinal);
        var garden = editor.Text[from..to];
        editor.Edit(text => ChangeSet.Of(from, to, "", text.Length));
        await editor.SettleAsync(TimeSpan.FromSeconds(10));

        var detached = Assert.Single((await Notes.ListDetachedAsync(scriptId, director.Id))!);
        Assert.Equal(("EXT. GARDEN - NIGHT", garden.TrimEnd(), note), (detached.Heading, detached.Text, Assert.Single(detached.Threads).Id));
        Assert.True((await Notes.GetThreadAsync(scriptId, director.Id, note))!.Detached);
        Assert.Equal(2, (await Notes.ListScenesAsync(scriptId, director.Id))!.Count);

        // Undo: the same text back in its place revives the scene, and the note is on it again.
        editor.Edit(text => ChangeSet.Of(from, from, garden, text.Length));
        await editor.SettleAsync(TimeSpan.FromSeconds(10));
        var back = (await Notes.GetThreadAsync(scriptId, director.Id, note))!;
        Assert.Equal((scenes[1].Id, 1, false), (back.Scene.Id, back.Scene.Ordinal, back.Detached));
        Assert.Empty((await Notes.ListDetachedAsync(scriptId, director.Id))!);

        // Deleted again, for good this time (its text rewritten beyond recognition when typed back): a writer re-attaches the thread.
        editor.Edit(text => ChangeSet.Of(from, to, "", text.Length));
        await editor.SettleAsync(TimeSpan.FromSeconds(10));
        var remaining = (await Notes.ListScenesAsync(scriptId, writer.Id))!;
        Assert.Equal(NoteOutcome.Forbidden, (await Notes.MoveAsync(scriptId, director.Id, note, remaining[1].Id)).Outcome);
        Assert.Equal(NoteOutcome.Invalid, (await Notes.MoveAsync(scriptId, writer.Id, note, scenes[1].Id)).Outcome);
        Assert.True((await Notes.MoveAsync(scriptId, writer.Id, note, remaining[1].Id)).Done);
        var moved = (await Notes.GetThreadAsync(scriptId, director.Id, note))!;
        Assert.Equal((remaining[1].Id, 1, false), (moved.Scene.Id, moved.Scene.Ordinal, moved.Detached));
        Assert.Empty((await Notes.ListDetachedAsync(scriptId, director.Id))!);
    }

    private async Task<PassageView> PassageAsync(Guid scriptId, TestUser user, Guid threadId)
    {
        var thread = (await Notes.GetThreadAsync(scriptId, user.Id, threadId))!;
        return thread.Passage ?? throw new InvalidOperationException("The thread has no passage.");
    }

    private static string PassageText(LoadTest.SimulatedEditor editor, PassageView passage)
    {
        Assert.Equal(editor.Version, passage.Version);
        return editor.Text[passage.From..passage.To];
    }
}
