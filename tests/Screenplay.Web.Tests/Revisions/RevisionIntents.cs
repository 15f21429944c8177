using System.Net;
using Microsoft.EntityFrameworkCore;
using Screenplay.LoadTest;
using Screenplay.Web.Data;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Revisions;

/// <summary>History intents over the test host: typing through the hub, naming drafts, restoring, reading checkpoints.</summary>
internal static class RevisionIntents
{
    public const string TwoScenes =
        "Title: History\n\nINT. KITCHEN - DAY\n\nAnna chops onions for the stew while the radio plays.\n\n" +
        "EXT. GARDEN - NIGHT\n\nBruno waters the roses by moonlight.\n";

    /// <summary>Types <paramref name="text"/> at <paramref name="position"/> and waits until the server has it.</summary>
    public static async Task TypeAsync(this SimulatedEditor editor, int position, string text)
    {
        editor.Insert(position, text);
        await editor.SettleAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Replaces the first <paramref name="find"/> in the editor's text by <paramref name="replacement"/> (one update).</summary>
    public static async Task ReplaceAsync(this SimulatedEditor editor, string find, string replacement)
    {
        editor.Edit(text =>
        {
            var at = text.IndexOf(find, StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"'{find}' is not in the text");
            return Screenplay.Fountain.Text.ChangeSet.Of(at, at + find.Length, replacement, text.Length);
        });
        await editor.SettleAsync(TimeSpan.FromSeconds(10));
    }

    public static async Task<List<ScriptCheckpoint>> CheckpointsAsync(this ScreenplayApp app, Guid scriptId)
    {
        await using var db = app.CreateDbContext();
        return await db.ScriptCheckpoints.AsNoTracking().Where(c => c.ScriptId == scriptId).OrderBy(c => c.Version).ToListAsync();
    }

    /// <summary>Waits for the checkpoint writer to reach <paramref name="version"/>.</summary>
    public static async Task<List<ScriptCheckpoint>> CheckpointedAsync(this ScreenplayApp app, Guid scriptId, int version)
    {
        List<ScriptCheckpoint> checkpoints = [];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            checkpoints = await app.CheckpointsAsync(scriptId);
            if (checkpoints.Count > 0 && checkpoints[^1].Version >= version) return checkpoints;
            await Task.Delay(50);
        }

        throw new TimeoutException($"No checkpoint at version {version}; have {string.Join(", ", checkpoints.Select(c => c.Version))}");
    }

    public static async Task<HttpResponseMessage> PostAsync(this TestUser user, string path, Dictionary<string, string>? values = null) =>
        await user.Client.PostFormAsync(path, values);

    public static async Task NameDraftAsync(this TestUser user, Guid scriptId, string name, string? color = null)
    {
        using var response = await user.PostAsync($"/scripts/{scriptId}/drafts", new() { ["name"] = name, ["color"] = color ?? "", ["date"] = "" }); // as a browser sends the form
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<long> DraftIdAsync(this ScreenplayApp app, Guid scriptId, string name)
    {
        await using var db = app.CreateDbContext();
        return await db.ScriptDrafts.Where(d => d.ScriptId == scriptId && d.Name == name).Select(d => d.Id).SingleAsync();
    }

    public static Task EventuallyAsync(Func<bool> condition, string what) => CollaborationIntents.EventuallyAsync(condition, what);

    /// <summary>Like <see cref="EventuallyAsync(Func{bool}, string)"/>, describing the state at the time of failure.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, Func<string> what)
    {
        try
        {
            await CollaborationIntents.EventuallyAsync(condition, "");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("Timed out waiting: " + what());
        }
    }
}
