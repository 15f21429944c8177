using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Notes;

namespace Screenplay.Web.Tests.Notes;

/// <summary>The app as `./start` runs it: the demo seeded at start.</summary>
public sealed class DemoApp : IAsyncLifetime
{
    public ScreenplayApp App { get; } = new();

    public Task InitializeAsync()
    {
        App.Settings["Demo:Seed"] = "true";
        return App.InitializeAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

public sealed class DemoNotesTests(DemoApp fixture) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_demo_script_comes_with_the_directors_notes_a_reply_a_resolved_thread_a_pinned_line_and_a_mention()
    {
        var app = fixture.App;
        await using var db = app.CreateDbContext();
        var director = await db.Users.SingleAsync(u => u.Email == "director@screenplay.local");
        var writer = await db.Users.SingleAsync(u => u.Email == "demo@screenplay.local");
        var scriptId = await db.Scripts.Where(s => s.OwnerId == writer.Id).Select(s => s.Id).SingleAsync();

        var threads = (await app.Services.GetRequiredService<ScriptNotes>().ListThreadsAsync(scriptId, writer.Id))!;
        Assert.InRange(threads.Count, 4, 6);
        Assert.All(threads, t => Assert.Equal("Demo Director", t.Root.AuthorName));
        Assert.Contains(threads, t => t.Replies.Any(r => r.AuthorId == writer.Id));
        Assert.Contains(threads, t => t.Status == NoteStatus.Resolved);
        Assert.Contains(threads, t => t.MentionsMe);
        var pinned = Assert.Single(threads, t => t.Passage is not null);
        var text = await app.Services.GetRequiredService<ScriptSessions>().UseAsync(scriptId, s => Task.FromResult(s.GetSnapshot()));
        Assert.Equal("Good news or the real news?", text.Text[pinned.Passage!.From..pinned.Passage.To]);
        Assert.Equal(threads.Count, threads.Select(t => t.Scene.Id).Distinct().Count());
    }
}
