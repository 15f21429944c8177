using System.Collections.Concurrent;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// Who has which script open on this app instance, and where their cursor is. Each entry belongs to the SignalR
/// connection that opened it, so a dropped connection takes its entries with it and a tab that reconnects (same
/// client id, new connection) replaces its old entry.
/// </summary>
internal sealed class ScriptPresence
{
    private static readonly string[] Palette = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324"];

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Entry>> byScript = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, string>> byConnection = new();

    /// <summary>The same colour for a person in every script and on every instance.</summary>
    public static string ColourOf(string userId)
    {
        uint hash = 2166136261;
        foreach (var c in userId) hash = (hash ^ c) * 16777619;
        return Palette[hash % (uint)Palette.Length];
    }

    public void Join(string connectionId, PresenceMessage presence)
    {
        byScript.GetOrAdd(presence.ScriptId, _ => new())[presence.ClientId] = new Entry(connectionId, presence);
        byConnection.GetOrAdd(connectionId, _ => new())[presence.ScriptId] = presence.ClientId;
    }

    /// <summary>Records a cursor move; null when this connection has not opened the script.</summary>
    public PresenceMessage? Move(string connectionId, Guid scriptId, int version, int? anchor, int? head)
    {
        if (!byConnection.TryGetValue(connectionId, out var scripts) || !scripts.TryGetValue(scriptId, out var clientId)) return null;
        if (!byScript.TryGetValue(scriptId, out var clients) || !clients.TryGetValue(clientId, out var entry) || entry.ConnectionId != connectionId) return null;
        var moved = entry.Presence with { Version = version, Anchor = anchor, Head = head };
        clients[clientId] = entry with { Presence = moved };
        return moved;
    }

    /// <summary>Everyone in the script, except <paramref name="exceptClientId"/>.</summary>
    public IReadOnlyList<PresenceMessage> In(Guid scriptId, string? exceptClientId = null) =>
        byScript.TryGetValue(scriptId, out var clients)
            ? clients.Values.Select(e => e.Presence).Where(p => p.ClientId != exceptClientId).ToList()
            : [];

    /// <summary>Removes this connection from the script; returns the entry that left, if any.</summary>
    public PresenceLeftMessage? Leave(string connectionId, Guid scriptId)
    {
        if (!byConnection.TryGetValue(connectionId, out var scripts) || !scripts.TryRemove(scriptId, out var clientId)) return null;
        if (scripts.IsEmpty) byConnection.TryRemove(KeyValuePair.Create(connectionId, scripts));
        if (!byScript.TryGetValue(scriptId, out var clients) || !clients.TryGetValue(clientId, out var entry) || entry.ConnectionId != connectionId)
            return null; // the tab is back on a newer connection already
        clients.TryRemove(KeyValuePair.Create(clientId, entry));
        if (clients.IsEmpty) byScript.TryRemove(KeyValuePair.Create(scriptId, clients));
        return new PresenceLeftMessage(scriptId, clientId);
    }

    /// <summary>Removes a closed connection from every script it had open.</summary>
    public IReadOnlyList<PresenceLeftMessage> LeaveAll(string connectionId)
    {
        if (!byConnection.TryGetValue(connectionId, out var scripts)) return [];
        var left = new List<PresenceLeftMessage>();
        foreach (var scriptId in scripts.Keys)
        {
            if (Leave(connectionId, scriptId) is { } message) left.Add(message);
        }
        return left;
    }

    private sealed record Entry(string ConnectionId, PresenceMessage Presence);
}
