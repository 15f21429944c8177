using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Text;
using Screenplay.LoadTest;
using Screenplay.Web.Data;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>
/// The app as separate processes: SIGKILLed in the middle of a burst of edits, and two instances behind one
/// PostgreSQL and a real redis-server serving the same script.
/// </summary>
public sealed partial class DurabilityTests(ScreenplayApp app) : IClassFixture<ScreenplayApp>
{
    [Fact]
    public async Task Every_acknowledged_edit_survives_a_SIGKILL_in_the_middle_of_a_burst()
    {
        var owner = await app.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("Crash", "");
        var acknowledged = new HashSet<string>();
        var sent = 0;

        await using (var doomed = await ExternalApp.StartAsync(app.ConnectionString))
        {
            var editors = new List<SimulatedEditor>();
            for (int i = 0; i < 4; i++)
            {
                var editor = await owner.OpenEditorAsync(scriptId, doomed.BaseAddress, $"crash-{i}");
                editor.Acknowledged = updates =>
                {
                    lock (acknowledged) acknowledged.UnionWith(updates.SelectMany(u => Tokens(u.Changes)));
                };
                editors.Add(editor);
            }

            using var stop = new CancellationTokenSource();
            var typing = editors.Select((editor, i) => Task.Run(async () =>
            {
                var random = new Random(i);
                for (int n = 0; !stop.IsCancellationRequested; n++)
                {
                    // Tokens go only between tokens, so every token stays whole whatever the interleaving.
                    var token = $"<{i}.{n}>";
                    editor.Edit(text =>
                    {
                        var boundaries = text.Select((c, at) => (c, at)).Where(x => x.c == '>').Select(x => x.at + 1).Prepend(0).ToList();
                        int at = boundaries[random.Next(boundaries.Count)];
                        return ChangeSet.Of(at, at, token, text.Length);
                    });
                    Interlocked.Increment(ref sent);
                    await Task.Delay(random.Next(1, 15));
                }
            })).ToList();

            await CollaborationIntents.EventuallyAsync(() => { lock (acknowledged) return acknowledged.Count >= 100; },
                "100 acknowledged edits", TimeSpan.FromSeconds(30));
            doomed.Kill();
            stop.Cancel();
            await Task.WhenAll(typing);
            foreach (var editor in editors) await editor.DisposeAsync();
        }

        await using var restarted = await ExternalApp.StartAsync(app.ConnectionString);
        await using var reader = await owner.OpenEditorAsync(scriptId, restarted.BaseAddress);
        var kept = Tokens(reader.Text).ToHashSet();
        Assert.Equal(reader.Text, string.Concat(TokenPattern().Matches(reader.Text).Select(m => m.Value)));
        string[] lost;
        lock (acknowledged) lost = acknowledged.Except(kept).ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} acknowledged edits lost of {acknowledged.Count}: {string.Join(' ', lost.Take(10))}");
        Assert.True(sent > kept.Count, "the kill should have cut off some edits in flight");
    }

    [RedisFact]
    public async Task Two_instances_behind_redis_serving_one_script_converge_and_never_accept_a_version_twice()
    {
        await using var scaledOut = await ScaledOut.StartAsync();
        var (instanceA, instanceB) = (scaledOut.A, scaledOut.B);
        var owner = await instanceA.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("Scale out", "FADE IN:\n");
        var at = new[] { instanceA.BaseAddress, instanceB.BaseAddress };

        var editors = new List<SimulatedEditor>();
        for (int i = 0; i < 6; i++) editors.Add(await owner.OpenEditorAsync(scriptId, at[i % 2], $"node{i % 2}-{i}"));
        try
        {
            await Task.WhenAll(editors.Select((e, i) => RandomTyping.TypeAsync(e, 700 + i, TimeSpan.FromSeconds(5), disconnects: i >= 4)));
            foreach (var editor in editors)
            {
                if (!editor.Connected) await editor.OpenAsync();
            }
            foreach (var editor in editors) await editor.SettleAsync(TimeSpan.FromSeconds(30));
            foreach (var editor in editors) await editor.PullAsync();

            await using var onA = await owner.OpenEditorAsync(scriptId, instanceA.BaseAddress);
            await using var onB = await owner.OpenEditorAsync(scriptId, instanceB.BaseAddress);
            await onA.PullAsync();
            await onB.PullAsync();
            Assert.Equal((onA.Version, onA.Text), (onB.Version, onB.Text));
            Assert.All(editors, e => Assert.True((onA.Version, onA.Text) == (e.Version, e.Text),
                $"{e.ClientId} at {e.Version} (faults {e.Faults}, last error {e.LastError}):\n{e.Text}\n--- server at {onA.Version}:\n{onA.Text}"));

            // The log is one unbroken line of versions that replays to exactly that text.
            await using var db = instanceA.CreateDbContext();
            var log = await db.ScriptUpdates.Where(u => u.ScriptId == scriptId).OrderBy(u => u.Version).ToListAsync();
            Assert.Equal(Enumerable.Range(0, onA.Version), log.Select(u => u.Version));
            var text = (await db.ScriptSnapshots.SingleAsync(s => s.ScriptId == scriptId && s.Version == 0)).Text;
            foreach (var row in log) text = ChangeSet.FromJson(row.Changes).Apply(text);
            Assert.Equal(onA.Text, text);
            // Both instances wrote to the log (tabs on each pushed), so the unique key really arbitrated between them.
            Assert.All(new[] { "node0-", "node1-" }, node => Assert.Contains(log, u => u.ClientId.StartsWith(node)));
        }
        finally
        {
            foreach (var editor in editors) await editor.DisposeAsync();
        }
    }

    private static IEnumerable<string> Tokens(ChangeSet changes)
    {
        var inserted = new List<string>();
        changes.IterChanges((_, _, _, _, text) => inserted.Add(text));
        return inserted.SelectMany(Tokens);
    }

    private static IEnumerable<string> Tokens(string text) => TokenPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"<\d+\.\d+>")]
    private static partial Regex TokenPattern();
}
