using Screenplay.LoadTest;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>Live-editing intents over the test host: people open scripts in editor tabs.</summary>
internal static class CollaborationIntents
{
    /// <summary>Opens the script in a new editor tab of <paramref name="user"/> (on another instance when <paramref name="at"/> is given).</summary>
    public static async Task<SimulatedEditor> OpenEditorAsync(this TestUser user, Guid scriptId, Uri at, string? clientId = null)
    {
        var editor = new SimulatedEditor(at, user.Client.Cookies, scriptId, clientId ?? "tab-" + Guid.NewGuid().ToString("N")[..10]);
        await editor.OpenAsync();
        return editor;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails with <paramref name="what"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting: " + what);
            await Task.Delay(20);
        }
    }
}
