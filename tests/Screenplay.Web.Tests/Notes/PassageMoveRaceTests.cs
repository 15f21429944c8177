using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// A thread moved to another scene loses its passage for good, even when a save of the old passage's mapped offsets
/// was already under way: that save took its offsets before the move and reaches the database after it.
/// </summary>
public sealed class PassageMoveRaceTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    private const string Text = "INT. KITCHEN - NIGHT\n\nMara stands at the sink.\n\nMARA\nSomebody threw a stone.\n\nEXT. GARDEN - NIGHT\n\nA boy runs.\n\n";

    [Fact]
    public async Task A_move_wins_over_a_save_of_the_old_passage_taken_before_it_and_written_after_it()
    {
        var app = fixture.App;
        var notes = app.Services.GetRequiredService<ScriptNotes>();
        var sessions = app.Services.GetRequiredService<ScriptSessions>();
        var writer = await app.CreateUserAsync("Writer");
        var scriptId = await writer.CreateScriptAsync("Move race", Text);
        await using var editor = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        var scenes = (await notes.ListScenesAsync(scriptId, writer.Id))!;
        const string line = "Somebody threw a stone.";
        var at = editor.Text.IndexOf(line, StringComparison.Ordinal);
        var note = await notes.CreateAsync(scriptId, writer.Id, scenes[0].Id, "Quieter.", new PassageInput(at, at + line.Length, editor.Version));
        Assert.True(note.Done, note.Error);
        editor.Insert(0, "FADE IN:\n\n");
        await editor.SettleAsync(TimeSpan.FromSeconds(10));

        // A tracker holding the passage (this instance's own save in flight, or another instance's) whose write is held
        // between taking the offsets and writing them.
        var now = await sessions.UseAsync(scriptId, s => Task.FromResult(s.GetSnapshot()));
        var log = app.Services.GetRequiredService<PostgresUpdateLog>();
        var stored = (await log.LatestSnapshotAsync(scriptId, CancellationToken.None))!;
        var held = new HeldFactory(app.Services.GetRequiredService<IDbContextFactory<ScreenplayDbContext>>());
        var tracker = await SceneTracker.OpenAsync(scriptId, stored.Text, stored.Version, now.Version, log, held,
            () => now, NullLogger.Instance, TimeProvider.System);
        Assert.NotNull(tracker.PassageOf(note.NoteId!.Value));
        held.Hold();
        var save = tracker.SaveAsync(allPins: true, CancellationToken.None);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True((await notes.MoveAsync(scriptId, writer.Id, note.NoteId!.Value, scenes[1].Id)).Done);
        held.Release();
        await save.WaitAsync(TimeSpan.FromSeconds(10));

        await using var db = app.CreateDbContext();
        var row = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == note.NoteId);
        Assert.Equal((scenes[1].Id, (int?)null, (int?)null), (row.SceneId, row.PassageFrom, row.PassageTo));
        Assert.Null((await notes.GetThreadAsync(scriptId, writer.Id, note.NoteId!.Value))!.Passage);
    }

    /// <summary>The real database, with a door the test can close: a context asked for while it is closed waits for it.</summary>
    private sealed class HeldFactory(IDbContextFactory<ScreenplayDbContext> inner) : IDbContextFactory<ScreenplayDbContext>
    {
        private TaskCompletionSource? door;
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => reached.Task;

        public void Hold() => door = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => door?.SetResult();

        public ScreenplayDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<ScreenplayDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            if (door is { } waiting)
            {
                reached.TrySetResult();
                await waiting.Task.WaitAsync(cancellationToken);
            }
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
