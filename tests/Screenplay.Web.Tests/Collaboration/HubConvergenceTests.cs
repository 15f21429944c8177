using Microsoft.EntityFrameworkCore;
using Screenplay.LoadTest;
using Screenplay.Web.Data;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>
/// Several editors over real SignalR type random edits at once, with random pauses, dropped connections and
/// offline typing; in the end every editor, the server, and a freshly started app reading the database agree.
/// </summary>
public sealed class HubConvergenceTests(ScreenplayApp app) : IClassFixture<ScreenplayApp>
{
    [Theory]
    [InlineData(2)]
    public async Task Concurrent_random_edits_with_disconnects_converge_everywhere_including_the_database_after_a_restart(int seed)
    {
        var owner = await app.CreateUserAsync("Owner");
        var writer = await app.CreateUserAsync("Writer");
        var scriptId = await owner.CreateScriptAsync("Converge", "FADE IN:\n\nINT. KITCHEN - NIGHT\n\n");
        await owner.ShareAsync(scriptId, writer, ScriptRole.Writer);

        var editors = new List<SimulatedEditor>();
        for (int i = 0; i < 5; i++) editors.Add(await (i % 2 == 0 ? owner : writer).OpenEditorAsync(scriptId, app.BaseAddress, $"c{seed}-{i}"));
        try
        {
            await Task.WhenAll(editors.Select((e, i) => RandomTyping.TypeAsync(e, seed * 100 + i, TimeSpan.FromSeconds(5), disconnects: i > 0)));
            foreach (var editor in editors)
            {
                if (!editor.Connected) await editor.OpenAsync();
            }
            foreach (var editor in editors) await editor.SettleAsync(TimeSpan.FromSeconds(30));
            foreach (var editor in editors) await editor.PullAsync();

            await using var server = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
            Assert.True(server.Version > 100, $"only {server.Version} updates were made");
            Assert.All(editors, e => Assert.True((server.Version, server.Text) == (e.Version, e.Text),
                $"{e.ClientId} at {e.Version} (faults {e.Faults}, last error {e.LastError}):\n{e.Text}\n--- server at {server.Version}:\n{server.Text}"));

            // The database alone, read by a freshly started app, holds the same text.
            await using var restarted = await ExternalApp.StartAsync(app.ConnectionString);
            await using var afterRestart = await owner.OpenEditorAsync(scriptId, restarted.BaseAddress);
            Assert.Equal((server.Version, server.Text), (afterRestart.Version, afterRestart.Text));
            await using var db = app.CreateDbContext();
            Assert.Equal(server.Version, await db.ScriptUpdates.CountAsync(u => u.ScriptId == scriptId));
        }
        finally
        {
            foreach (var editor in editors) await editor.DisposeAsync();
        }
    }
}
