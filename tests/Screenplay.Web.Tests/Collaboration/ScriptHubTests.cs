using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.LoadTest;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>The script hub over real SignalR on loopback and a real PostgreSQL.</summary>
public sealed class ScriptHubTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    private readonly ScreenplayApp app = fixture.App;

    private async Task<int> LoggedCountAsync(Guid scriptId)
    {
        await using var db = app.CreateDbContext();
        return await db.ScriptUpdates.CountAsync(u => u.ScriptId == scriptId);
    }

    [Fact]
    public async Task An_accepted_push_is_in_the_database_before_anyone_hears_of_it_and_reaches_everyone_in_the_script()
    {
        var owner = await app.CreateUserAsync("Owner");
        var writer = await app.CreateUserAsync("Writer");
        var scriptId = await owner.CreateScriptAsync("Live", "FADE IN:\n");
        await owner.ShareAsync(scriptId, writer, ScriptRole.Writer);
        await using var ownerTab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        await using var writerTab = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        Assert.Equal(("owner", "writer"), (ownerTab.Role, writerTab.Role));

        var loggedWhenHeard = new List<int>();
        writerTab.RemoteApplied = _ =>
        {
            using var db = app.CreateDbContext();
            loggedWhenHeard.Add(db.ScriptUpdates.Count(u => u.ScriptId == scriptId));
        };
        // Version 1 is the text saved when the script was made (through the log, like any save).
        Assert.Equal(1, ownerTab.Version);
        ownerTab.Insert(9, "\nINT. HOUSE - DAY\n");
        await ownerTab.SettleAsync(TimeSpan.FromSeconds(10));
        await CollaborationIntents.EventuallyAsync(() => writerTab.Version == 2, "the writer receives the update");

        Assert.Equal("FADE IN:\n\nINT. HOUSE - DAY\n", writerTab.Text);
        Assert.Equal([2], loggedWhenHeard);
        await using (var db = app.CreateDbContext())
        {
            var row = await db.ScriptUpdates.SingleAsync(u => u.ScriptId == scriptId && u.Version == 1);
            Assert.Equal((1, ownerTab.ClientId, owner.Id), (row.Version, row.ClientId, row.UserId));
            Assert.Equal("[9,[0,\"\",\"INT. HOUSE - DAY\",\"\"]]", row.Changes);
        }

        // A late tab pulls the same history.
        var pulled = await writerTab.Connection.InvokeAsync<JsonObject>("Pull", scriptId, 1);
        Assert.Equal(2, (int)pulled["version"]!);
        Assert.Equal(ownerTab.ClientId, (string)pulled["updates"]![0]!["clientId"]!);
    }

    [Fact]
    public async Task Readers_and_commenters_follow_along_but_their_edits_are_refused_and_strangers_cannot_tell_the_script_exists()
    {
        var owner = await app.CreateUserAsync("Owner");
        var reader = await app.CreateUserAsync("Reader");
        var commenter = await app.CreateUserAsync("Director");
        var stranger = await app.CreateUserAsync("Stranger");
        var scriptId = await owner.CreateScriptAsync("Roles", "FADE IN:\n");
        await owner.ShareAsync(scriptId, reader, ScriptRole.Reader);
        await owner.ShareAsync(scriptId, commenter, ScriptRole.Commenter);
        await using var ownerTab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        await using var readerTab = await reader.OpenEditorAsync(scriptId, app.BaseAddress);
        await using var commenterTab = await commenter.OpenEditorAsync(scriptId, app.BaseAddress);
        Assert.Equal(("reader", "commenter"), (readerTab.Role, commenterTab.Role));

        foreach (var tab in new[] { readerTab, commenterTab })
        {
            var result = await tab.Connection.InvokeAsync<JsonObject>("Push", scriptId, 0, Updates(tab.ClientId, "[9,[0,\"HACKED\"]]"));
            Assert.False((bool)result["accepted"]!);
            Assert.Contains("cannot edit", (string)result["error"]!);
        }
        // The simulated editor's own push path is refused the same way and keeps its edit unconfirmed.
        readerTab.Insert(0, "X");
        await CollaborationIntents.EventuallyAsync(() => readerTab.Rejections > 0, "the reader's push is refused");

        ownerTab.Insert(9, "INT. HOUSE");
        await ownerTab.SettleAsync(TimeSpan.FromSeconds(10));
        await CollaborationIntents.EventuallyAsync(() => commenterTab.Version == 2 && readerTab.Version == 2, "readers receive updates");
        Assert.Equal("FADE IN:\nINT. HOUSE", commenterTab.Text);
        Assert.Equal(2, await LoggedCountAsync(scriptId));

        // A stranger hears exactly what anyone hears about a script that does not exist.
        await using var strangerTab = new SimulatedEditor(app.BaseAddress, stranger.Client.Cookies, scriptId, "stranger");
        var refused = await Assert.ThrowsAsync<HubException>(() => strangerTab.OpenAsync());
        await using var nowhere = new SimulatedEditor(app.BaseAddress, stranger.Client.Cookies, Guid.NewGuid(), "nowhere");
        var missing = await Assert.ThrowsAsync<HubException>(() => nowhere.OpenAsync());
        Assert.Equal(missing.Message.Replace(nowhere.ScriptId.ToString(), ""), refused.Message.Replace(scriptId.ToString(), ""));
        Assert.Contains("Script not found", refused.Message);
        foreach (var call in new Func<Task>[]
        {
            () => strangerTab.Connection.InvokeAsync<JsonObject>("Pull", scriptId, 0),
            () => strangerTab.Connection.InvokeAsync<JsonObject>("Push", scriptId, 1, Updates("stranger", "[19,[0,\"x\"]]")),
            () => strangerTab.Connection.InvokeAsync("MoveCursor", scriptId, 1, 0, 0),
        })
        {
            Assert.Contains("Script not found", (await Assert.ThrowsAsync<HubException>(call)).Message);
        }
        Assert.Equal(2, await LoggedCountAsync(scriptId));
    }

    public static TheoryData<string> BadPushes => new()
    {
        "ranges beyond the document", "future version", "stale version", "negative version", "not an array",
        "update without a client id", "malformed change", "oversized insert", "two clients in one push",
    };

    [Theory]
    [MemberData(nameof(BadPushes))]
    public async Task A_bad_push_is_refused_with_an_error_to_its_sender_only_and_changes_nothing(string kind)
    {
        var owner = await app.CreateUserAsync();
        var writer = await app.CreateUserAsync();
        var scriptId = await owner.CreateScriptAsync("Bad input", "FADE IN:\n");
        await owner.ShareAsync(scriptId, writer, ScriptRole.Writer);
        await using var ownerTab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        // More updates than the server keeps in memory (20 here), so old versions are out of reach.
        for (int i = 0; i < 30; i++)
        {
            ownerTab.Insert(ownerTab.Length, ((char)('a' + i % 26)).ToString());
            await ownerTab.SettleAsync(TimeSpan.FromSeconds(10));
        }
        await using var watcher = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        var (version, text, length) = (watcher.Version, watcher.Text, watcher.Length);
        Assert.Equal(31, version);

        var id = ownerTab.ClientId;
        object payload = kind switch
        {
            "ranges beyond the document" => Updates(id, $"[{length + 5},[0,\"x\"]]"),
            "future version" => Updates(id, $"[{length},[0,\"x\"]]"),
            "stale version" => Updates(id, "[9,[0,\"x\"]]"),
            "negative version" => Updates(id, $"[{length},[0,\"x\"]]"),
            "not an array" => "hello",
            "update without a client id" => JsonNode.Parse($"[{{\"changes\":[{length},[0,\"x\"]]}}]")!,
            "malformed change" => Updates(id, "[[-3]]"),
            "oversized insert" => Updates(id, $"[{length},[0,\"{new string('x', 25_000)}\"]]"),
            "two clients in one push" => new JsonArray(Update(id, $"[{length},[0,\"x\"]]"), Update("other", $"[{length + 1},[0,\"y\"]]")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        int pushVersion = kind switch { "future version" => version + 5, "stale version" => 0, "negative version" => -1, _ => version };

        var result = await ownerTab.Connection.InvokeAsync<JsonObject>("Push", scriptId, pushVersion, payload);

        Assert.False((bool)result["accepted"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)result["error"]));
        await Task.Delay(200);
        Assert.Equal((version, text), (watcher.Version, watcher.Text));
        Assert.Equal(31, await LoggedCountAsync(scriptId));
        await using var fresh = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        Assert.Equal((version, text), (fresh.Version, fresh.Text));

        // The sender's connection still works.
        ownerTab.Insert(0, "!");
        await ownerTab.SettleAsync(TimeSpan.FromSeconds(10));
        await CollaborationIntents.EventuallyAsync(() => watcher.Text == "!" + text, "a good push after the bad one arrives");
    }

    [Fact]
    public async Task An_idle_script_is_unloaded_with_its_text_saved_and_reopens_from_snapshot_and_log()
    {
        var owner = await app.CreateUserAsync();
        var scriptId = await owner.CreateScriptAsync("Idle", "FADE IN:\n");
        var sessions = app.Services.GetRequiredService<ScriptSessions>();
        string text;
        await using (var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress))
        {
            for (int i = 0; i < 15; i++)
            {
                tab.Insert(tab.Length, i % 5 == 4 ? "\n" : "x");
                await tab.SettleAsync(TimeSpan.FromSeconds(10));
            }
            text = tab.Text;
        }

        await CollaborationIntents.EventuallyAsync(() => !sessions.IsLoaded(scriptId), "the idle script is unloaded", TimeSpan.FromSeconds(15));
        await using (var db = app.CreateDbContext())
        {
            var row = await db.Scripts.Where(s => s.Id == scriptId).Select(s => new { s.Text, s.Version }).SingleAsync();
            Assert.Equal((text, 16), (row.Text, row.Version));
            Assert.Equal([0, 7, 14], await db.ScriptSnapshots.Where(s => s.ScriptId == scriptId).OrderBy(s => s.Version).Select(s => s.Version).ToListAsync());
        }

        await using var again = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        Assert.Equal((16, text), (again.Version, again.Text));
        Assert.True(sessions.IsLoaded(scriptId));
    }

    [Fact]
    public async Task A_whole_text_save_from_the_plain_editor_reaches_open_editors_through_the_log()
    {
        var owner = await app.CreateUserAsync();
        var scriptId = await owner.CreateScriptAsync("Form", "FADE IN:\n");
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        tab.Insert(9, "INT. HOUSE\n");
        await tab.SettleAsync(TimeSpan.FromSeconds(10));

        await owner.SaveTextAsync(scriptId, "FADE IN:\nINT. HOUSE - DAY\n");

        await CollaborationIntents.EventuallyAsync(() => tab.Text == "FADE IN:\nINT. HOUSE - DAY\n", "the open editor receives the save");
        Assert.Equal(3, tab.Version);
        await using var db = app.CreateDbContext();
        var saved = await db.ScriptUpdates.Where(u => u.ScriptId == scriptId && u.Version == 2).Select(u => new { u.Changes, u.UserId }).SingleAsync();
        Assert.Equal(("[19,[0,\" - DAY\"],1]", owner.Id), (saved.Changes, saved.UserId));
    }

    private static JsonObject Update(string clientId, string changes) =>
        new() { ["clientId"] = clientId, ["changes"] = JsonNode.Parse(changes) };

    private static JsonArray Updates(string clientId, string changes) => [Update(clientId, changes)];
}
