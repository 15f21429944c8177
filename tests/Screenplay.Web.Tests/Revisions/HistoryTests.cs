using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;
using Screenplay.Web.Revisions;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Revisions;

/// <summary>History on the real edit log: checkpoints, compare, restore, authorization (PostgreSQL, SignalR on loopback).</summary>
public sealed class HistoryTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    private readonly ScreenplayApp app = fixture.App;

    [Fact]
    public async Task Edits_through_the_hub_make_checkpoints_every_five_updates_and_after_a_pause_saying_who_changed_what()
    {
        var owner = await app.CreateUserAsync("Owner");
        var writer = await app.CreateUserAsync("Wendy Writer");
        var scriptId = await owner.CreateScriptAsync("Checkpoints", RevisionIntents.TwoScenes);
        await owner.ShareAsync(scriptId, writer, ScriptRole.Writer);
        await using var tab = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        var start = tab.Version;
        await app.CheckpointedAsync(scriptId, start); // the saved text, after its pause

        var garden = tab.Text.IndexOf("roses", StringComparison.Ordinal);
        // Typed in one burst (seven updates, no pause between them).
        foreach (var word in new[] { "red ", "and ", "white ", "climbing ", "fragrant ", "old ", "tall " })
        {
            tab.Insert(garden, word);
        }

        await tab.SettleAsync(TimeSpan.FromSeconds(10));

        var checkpoints = await app.CheckpointedAsync(scriptId, start + 7);

        Assert.Equal([(start, checkpoints[^3].Kind), (start + 5, "every"), (start + 7, "pause")], checkpoints.TakeLast(3).Select(c => (c.Version, c.Kind)));
        var pause = checkpoints[^1];
        Assert.Equal([writer.Id], pause.AuthorIds);
        Assert.Equal(["EXT. GARDEN - NIGHT"], pause.ScenesTouched);
        Assert.Equal((2, 0), (pause.WordsAdded, pause.WordsRemoved));
        Assert.Equal(tab.Text, pause.Text);
        Assert.True(5 == checkpoints[^2].WordsAdded, string.Join(" | ", checkpoints.Select(c => $"{c.Version} {c.Kind} {c.Text.Length} +{c.WordsAdded}")));

        // The history page lists them with the writer's name.
        var page = await owner.Client.GetHtmlAsync($"/scripts/{scriptId}/history");
        var latest = page.QuerySelector($"li[data-version='{start + 7}']")!;
        Assert.Contains("Wendy Writer", latest.TextContent);
        Assert.Contains("EXT. GARDEN - NIGHT", latest.TextContent);
    }

    [Fact]
    public async Task Restoring_a_version_yields_exactly_its_text_as_a_new_change_collaborators_see_live()
    {
        var owner = await app.CreateUserAsync("Owner");
        var reader = await app.CreateUserAsync("Reader");
        var scriptId = await owner.CreateScriptAsync("Restore", RevisionIntents.TwoScenes);
        await owner.ShareAsync(scriptId, reader, ScriptRole.Reader);
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        await using var watcher = await reader.OpenEditorAsync(scriptId, app.BaseAddress);
        await tab.ReplaceAsync("onions", "garlic");
        var (oldVersion, oldText) = (tab.Version, tab.Text);
        await tab.ReplaceAsync("EXT. GARDEN - NIGHT\n\nBruno waters the roses by moonlight.\n", "");
        await tab.TypeAsync(tab.Text.Length, "\nINT. CELLAR - NIGHT\n\nWine bottles rattle.\n");
        var before = tab.Version;

        // A reader may look but not restore.
        using (var refused = await reader.PostAsync($"/scripts/{scriptId}/history/{oldVersion}/restore"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var response = await owner.PostAsync($"/scripts/{scriptId}/history/{oldVersion}/restore");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await RevisionIntents.EventuallyAsync(() => watcher.Text == oldText && tab.Text == oldText, "both editors show the restored text");
        Assert.Equal(before + 1, watcher.Version);
        var history = app.Services.GetRequiredService<ScriptHistory>();
        Assert.Equal(oldText, await history.TextAtAsync(scriptId, before + 1));
        Assert.Contains("INT. CELLAR - NIGHT", await history.TextAtAsync(scriptId, before)); // nothing after the point is lost
        // The restored point is a checkpoint (written as "restore", or by the background writer if it got there first).
        Assert.Contains(await app.CheckpointsAsync(scriptId), c => c.Version == before + 1 && c.Text == oldText);
    }

    [Fact]
    public async Task The_first_point_of_a_long_edited_script_still_opens_exactly_after_old_snapshots_are_cleaned_up()
    {
        var owner = await app.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("Retention", RevisionIntents.TwoScenes);
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        var start = tab.Version;
        var texts = new List<string> { tab.Text };
        for (var i = 0; i < 30; i++) // a snapshot every 7 updates: five of them, of which the cleanup keeps four
        {
            await tab.TypeAsync(tab.Text.Length, $" w{i}");
            texts.Add(tab.Text);
        }

        // Checkpoints would hide a lost start: drop them, as for a script edited before history was kept.
        await using (var db = app.CreateDbContext())
        {
            await db.ScriptCheckpoints.Where(c => c.ScriptId == scriptId).ExecuteDeleteAsync();
            var snapshots = await db.ScriptSnapshots.Where(s => s.ScriptId == scriptId).OrderBy(s => s.Version).Select(s => s.Version).ToListAsync();
            Assert.True(snapshots[0] <= start, $"the first snapshot ({snapshots[0]}) is kept");
            Assert.InRange(snapshots.Count, 2, 4); // the first, and at most three recent ones
        }

        var history = app.Services.GetRequiredService<ScriptHistory>();
        foreach (var step in new[] { 0, 1, 6, 13, 30 })
        {
            Assert.Equal(texts[step], await history.TextAtAsync(scriptId, start + step));
        }
    }

    [Fact]
    public async Task Restoring_one_scene_puts_back_only_that_scene()
    {
        var owner = await app.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("Scene restore", RevisionIntents.TwoScenes);
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        var start = tab.Version;
        await tab.ReplaceAsync("onions", "garlic");
        await tab.ReplaceAsync("roses", "tulips");

        using var response = await owner.PostAsync($"/scripts/{scriptId}/history/{start}/scenes/1/restore");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await RevisionIntents.EventuallyAsync(() => tab.Text.Contains("roses"), "the garden scene is back");
        Assert.Contains("garlic", tab.Text);
        Assert.Equal(RevisionIntents.TwoScenes.Replace("onions", "garlic"), tab.Text);
    }

    [Fact]
    public async Task Compare_reports_added_removed_changed_and_moved_scenes_with_a_word_diff()
    {
        var owner = await app.CreateUserAsync("Owner");
        const string attic = "INT. ATTIC - DAY\n\nDust drifts through a beam of light over old trunks.\n\n";
        var scriptId = await owner.CreateScriptAsync("Compare", RevisionIntents.TwoScenes + "\n" + attic +
            "INT. BASEMENT - NIGHT\n\nA boiler groans behind a locked door.\n\nEXT. PORCH - DAY\n\nA cat sleeps on the swing.\n");
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        var from = tab.Version;
        await tab.ReplaceAsync("chops onions", "peels potatoes");
        await tab.ReplaceAsync("EXT. GARDEN - NIGHT\n\nBruno waters the roses by moonlight.\n\n", "");
        await tab.ReplaceAsync(attic, "");
        await tab.TypeAsync(tab.Text.Length, "\n" + attic + "EXT. ROOF - DAWN\n\nPigeons scatter.\n");

        var page = await owner.Client.GetHtmlAsync($"/scripts/{scriptId}/compare?from={from}&to={tab.Version}");

        var scenes = page.QuerySelectorAll("li.scene-diff")
            .Select(li => (li.GetAttribute("data-difference"), li.QuerySelector("h3")!.TextContent.Trim().Split('\n')[^1].Trim()))
            .ToList();
        Assert.Contains(("Changed", "INT. KITCHEN - DAY"), scenes);
        Assert.Contains(("Removed", "EXT. GARDEN - NIGHT"), scenes);
        Assert.Contains(("Added", "EXT. ROOF - DAWN"), scenes);
        Assert.Contains(("Moved", "INT. ATTIC - DAY"), scenes);
        Assert.Equal(4, scenes.Count);
        var kitchen = page.QuerySelectorAll("li.scene-diff").Single(li => li.GetAttribute("data-difference") == "Changed");
        Assert.Equal("chops onions", kitchen.QuerySelector("del")!.TextContent);
        Assert.Equal("peels potatoes", kitchen.QuerySelector("ins")!.TextContent);
    }

    [Fact]
    public async Task Compare_lists_each_scenes_notes_beside_it_and_a_removed_scenes_notes_as_detached()
    {
        var owner = await app.CreateUserAsync("Dana Director");
        var scriptId = await owner.CreateScriptAsync("Compare notes", RevisionIntents.TwoScenes);
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        var from = tab.Version;
        var notes = app.Services.GetRequiredService<ScriptNotes>();
        var scenes = await EventuallyAsync(() => notes.ListScenesAsync(scriptId, owner.Id), s => s?.Count == 2, "scene ids");
        Assert.Equal(NoteOutcome.Done, (await notes.CreateAsync(scriptId, owner.Id, scenes![0].Id, "Make the **onions** sting.")).Outcome);
        Assert.Equal(NoteOutcome.Done, (await notes.CreateAsync(scriptId, owner.Id, scenes[1].Id, "Do we need the garden?")).Outcome);

        await tab.ReplaceAsync("chops onions", "peels potatoes");
        await tab.ReplaceAsync("EXT. GARDEN - NIGHT\n\nBruno waters the roses by moonlight.\n", "");
        await EventuallyAsync(() => notes.ListThreadsAsync(scriptId, owner.Id), t => t!.Any(x => x.Detached), "the garden's note detached");

        var page = await owner.Client.GetHtmlAsync($"/scripts/{scriptId}/compare?from={from}&to={tab.Version}");

        var kitchen = page.QuerySelector("li.scene-diff[data-difference='Changed']")!;
        var kitchenNote = Assert.Single(kitchen.QuerySelectorAll(".director-notes li"));
        Assert.Equal("onions", kitchenNote.QuerySelector(".note-body strong")!.TextContent);
        Assert.Contains("Dana Director", kitchenNote.TextContent);
        var garden = page.QuerySelector("li.scene-diff[data-difference='Removed']")!;
        var gardenNote = Assert.Single(garden.QuerySelectorAll(".director-notes li"));
        Assert.Contains("Do we need the garden?", gardenNote.TextContent);
        Assert.NotNull(gardenNote.QuerySelector(".detached"));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); ; await Task.Delay(50))
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what);
        }
    }

    [Fact]
    public async Task Readers_view_and_export_history_writers_cannot_lock_and_strangers_get_404()
    {
        var owner = await app.CreateUserAsync("Owner");
        var writer = await app.CreateUserAsync("Writer");
        var reader = await app.CreateUserAsync("Reader");
        var stranger = await app.CreateUserAsync("Stranger");
        var scriptId = await owner.CreateScriptAsync("Roles", RevisionIntents.TwoScenes);
        await owner.ShareAsync(scriptId, writer, ScriptRole.Writer);
        await owner.ShareAsync(scriptId, reader, ScriptRole.Reader);
        await writer.NameDraftAsync(scriptId, "First Draft");
        var draftId = await app.DraftIdAsync(scriptId, "First Draft");

        Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync($"/scripts/{scriptId}/history")).StatusCode);
        var head = await app.Services.GetRequiredService<ScriptHistory>().HeadVersionAsync(scriptId);
        using var fountain = await reader.Client.GetAsync($"/scripts/{scriptId}/history/{head}/export/fountain");
        Assert.Equal(RevisionIntents.TwoScenes, await fountain.Content.ReadAsStringAsync());
        using var fdx = await reader.Client.GetAsync($"/scripts/{scriptId}/history/{head}/export/fdx");
        Assert.Contains("<FinalDraft", await fdx.Content.ReadAsStringAsync());
        Assert.Equal("application/xml; charset=utf-8", fdx.Content.Headers.ContentType!.ToString()); // as the script's own export
        using var pdf = await reader.Client.GetAsync($"/scripts/{scriptId}/history/{head}/export/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var read = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal("Roles", read.Information.Title);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/scripts/{scriptId}/drafts", new() { ["name"] = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.PostAsync($"/scripts/{scriptId}/drafts/{draftId}/lock")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.PostAsync($"/scripts/{scriptId}/scene-numbers/lock")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/scripts/{scriptId}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/scripts/{scriptId}/history/0/export/fountain")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/scripts/{scriptId}/history/0/restore")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/scripts/{scriptId}/drafts/{draftId}/lock")).StatusCode);
    }
}
