using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Notes;

public sealed class NoteEventRelayTests
{
    [RedisFact]
    public async Task Behind_redis_a_scene_change_on_one_instance_reaches_in_process_subscribers_on_another()
    {
        await using var scaledOut = await ScaledOut.StartAsync();
        var (instanceA, instanceB) = (scaledOut.A, scaledOut.B);
        var writer = await instanceA.CreateUserAsync("Writer");
        var scriptId = await writer.CreateScriptAsync("Relay", "INT. KITCHEN - NIGHT\n\nMara washes a cup.\n\n");
        var heard = new ConcurrentQueue<object>();
        using var subscription = instanceA.Services.GetRequiredService<NoteEvents>().Subscribe(scriptId, e =>
        {
            heard.Enqueue(e);
            return Task.CompletedTask;
        });

        // Typed on instance B: B's session follows the scenes and announces them; A's subscribers hear it.
        await using var editor = await writer.OpenEditorAsync(scriptId, instanceB.BaseAddress);
        editor.Insert(0, "EXT. ROOF - DAWN\n\nPigeons.\n\n");
        await editor.SettleAsync(TimeSpan.FromSeconds(20));
        await CollaborationIntents.EventuallyAsync(() => !heard.IsEmpty, "instance A hears of B's new scene", TimeSpan.FromSeconds(20));
        var scenes = Assert.IsType<ScenesEvent>(Assert.Single(heard));
        Assert.Equal((scriptId, editor.Version), (scenes.ScriptId, scenes.Version));
        Assert.Equal(["EXT. ROOF - DAWN", "INT. KITCHEN - NIGHT"], scenes.Scenes.Select(s => s.Heading));
        Assert.Equal([scenes.Scenes[0].Id], scenes.Created);
    }
}
