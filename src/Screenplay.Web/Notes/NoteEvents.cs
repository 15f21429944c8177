using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Notes;

/// <summary>What happened to a note: <c>created</c>, <c>replied</c>, <c>edited</c>, <c>deleted</c>, <c>restored</c>, <c>resolved</c>, <c>reopened</c>, <c>moved</c>.</summary>
public sealed record NoteEvent(Guid ScriptId, Guid NoteId, Guid ThreadId, Guid SceneId, string Kind, string? ByUserId);

/// <summary>A scene of the current text, in order.</summary>
public sealed record SceneHead(Guid Id, int Ordinal, string Heading);

/// <summary>
/// The scenes after the update that made <paramref name="Version"/>: every scene of the text in order, and the ids
/// that were created, vanished (their notes are now detached) or revived (their notes are attached again).
/// </summary>
public sealed record ScenesEvent(Guid ScriptId, int Version, IReadOnlyList<SceneHead> Scenes, IReadOnlyList<Guid> Created,
    IReadOnlyList<Guid> Vanished, IReadOnlyList<Guid> Revived);

/// <summary>
/// Tells everyone in a script about note and scene changes: the script's SignalR group on <c>/hubs/script</c>
/// (<c>NoteChanged</c>, <c>ScenesChanged</c>; across app instances through the Redis backplane), and in-process
/// subscribers such as the Blazor notes panel (<see cref="Subscribe"/>) on this instance and, through
/// <see cref="NoteEventRelay"/> when Redis is configured, on every other.
/// </summary>
internal sealed class NoteEvents
{
    public const string NoteChangedEvent = "NoteChanged";
    public const string ScenesChangedEvent = "ScenesChanged";

    private readonly ConcurrentDictionary<Guid, ImmutableHandlers> handlers = new();
    private readonly IHubContext<ScriptHub> hub;
    private readonly NoteEventRelay relay;
    private readonly ILogger<NoteEvents> logger;

    public NoteEvents(IHubContext<ScriptHub> hub, NoteEventRelay relay, ILogger<NoteEvents> logger)
    {
        this.hub = hub;
        this.relay = relay;
        this.logger = logger;
        // Events from other app instances reach this instance's subscribers only (their browsers heard already).
        relay.Received = e => e switch
        {
            NoteEvent n => NotifyAsync(n.ScriptId, NoteChangedEvent, n),
            ScenesEvent s => NotifyAsync(s.ScriptId, ScenesChangedEvent, s),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>
    /// Calls <paramref name="handler"/> with every <see cref="NoteEvent"/> and <see cref="ScenesEvent"/> of the script
    /// raised on this app instance, until the returned handle is disposed. Handlers run on the thread that raised the
    /// event; a Blazor component should hop onto its own with <c>InvokeAsync</c>. A handler that throws is logged.
    /// </summary>
    public IDisposable Subscribe(Guid scriptId, Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handlers.AddOrUpdate(scriptId, _ => new([handler]), (_, list) => new([.. list.Items, handler]));
        return new Subscription(this, scriptId, handler);
    }

    internal Task NoteChangedAsync(NoteEvent e) => RaiseAsync(e.ScriptId, NoteChangedEvent, e);

    internal Task ScenesChangedAsync(ScenesEvent e) => RaiseAsync(e.ScriptId, ScenesChangedEvent, e);

    private async Task RaiseAsync(Guid scriptId, string name, object payload)
    {
        try
        {
            await hub.Clients.Group(ScriptHub.GroupName(scriptId)).SendAsync(name, payload);
        }
        catch (Exception e)
        {
            // The change itself is stored; clients see it on their next refresh.
            logger.LogWarning(e, "Script {ScriptId}: broadcasting {Event} failed", scriptId, name);
        }

        await relay.PublishAsync(payload);
        await NotifyAsync(scriptId, name, payload);
    }

    /// <summary>
    /// Starts every subscriber and returns without waiting for them: a scenes event is raised on the push path, and a
    /// panel's reload (queries, a round trip to its browser) must never hold up a co-writer's keystroke.
    /// </summary>
    private Task NotifyAsync(Guid scriptId, string name, object payload)
    {
        if (!handlers.TryGetValue(scriptId, out var list)) return Task.CompletedTask;
        foreach (var handler in list.Items)
        {
            _ = RunAsync(handler);
        }
        return Task.CompletedTask;

        async Task RunAsync(Func<object, Task> handler)
        {
            try
            {
                await Task.Yield();
                await handler(payload);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Script {ScriptId}: a {Event} subscriber failed", scriptId, name);
            }
        }
    }

    private void Unsubscribe(Guid scriptId, Func<object, Task> handler)
    {
        for (;;)
        {
            if (!handlers.TryGetValue(scriptId, out var list)) return;
            var rest = list.Items.Where(h => h != handler).ToArray();
            if (rest.Length == 0 ? handlers.TryRemove(KeyValuePair.Create(scriptId, list)) : handlers.TryUpdate(scriptId, new(rest), list)) return;
        }
    }

    private sealed record ImmutableHandlers(Func<object, Task>[] Items);

    private sealed class Subscription(NoteEvents owner, Guid scriptId, Func<object, Task> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) owner.Unsubscribe(scriptId, handler);
        }
    }
}
