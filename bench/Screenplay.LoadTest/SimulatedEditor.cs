using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Screenplay.Fountain.Text;

namespace Screenplay.LoadTest;

/// <summary>
/// One editor tab speaking the script hub's protocol (docs/collaboration.md) over a real SignalR connection, with
/// <see cref="CollabClient"/> as its document: local edits are kept until the server confirms them in its
/// <c>Updates</c> stream, pushed one batch at a time, pulled over gaps, and kept across disconnects. The load tool
/// and the network tests use it as a stand-in for the browser editor.
/// </summary>
public sealed class SimulatedEditor : IAsyncDisposable
{
    /// <summary>After an accepted push, how long to wait for its broadcast before pulling instead.</summary>
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(2);

    private readonly HubConnection connection;
    private readonly Lock gate = new();
    private CollabClient? doc;
    private bool pushing;
    private List<CollabUpdate> inFlight = [];
    private int awaitingVersion = -1;
    private DateTime awaitingSince;
    private int pullRequested;

    public SimulatedEditor(Uri baseAddress, CookieContainer cookies, Guid scriptId, string clientId)
    {
        ScriptId = scriptId;
        ClientId = clientId;
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/script"), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        connection.On<JsonElement>("Updates", OnUpdates);
        connection.On<JsonElement>("Presence", p => { lock (gate) LastPresence = p.Clone(); });
    }

    public Guid ScriptId { get; }
    public string ClientId { get; }

    /// <summary>The caller's role as <c>Open</c> reported it ("owner", "writer", "reader"...).</summary>
    public string? Role { get; private set; }

    /// <summary>Pushes the server refused, and the last reason it gave.</summary>
    public int Rejections { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Updates from the server this editor could not apply (a protocol or client bug).</summary>
    public int Faults { get; private set; }

    /// <summary>The last <c>Presence</c> event received.</summary>
    public JsonElement? LastPresence { get; private set; }

    /// <summary>Called (under the editor's lock) with this editor's updates once the server has accepted them (they are durable).</summary>
    public Action<IReadOnlyList<CollabUpdate>>? Acknowledged { get; set; }

    /// <summary>Called (under the editor's lock) with updates from other clients as they are applied here.</summary>
    public Action<IReadOnlyList<CollabUpdate>>? RemoteApplied { get; set; }

    public bool Connected => connection.State == HubConnectionState.Connected;

    public string Text { get { lock (gate) return doc?.Text ?? ""; } }
    public int Version { get { lock (gate) return doc?.Version ?? -1; } }
    public int Length { get { lock (gate) return doc?.Length ?? 0; } }
    public int UnconfirmedCount { get { lock (gate) return doc?.Unconfirmed.Count ?? 0; } }

    /// <summary>True when every local edit is confirmed and nothing is in flight.</summary>
    public bool Settled { get { lock (gate) return doc is not null && doc.Unconfirmed.Count == 0 && !pushing; } }

    /// <summary>The hub connection, for tests that call it directly.</summary>
    public HubConnection Connection => connection;

    /// <summary>
    /// Connects (again) and opens the script. The first time, the document comes from <c>Open</c>; after a
    /// disconnect, the kept document pulls what it missed and pushes what it kept.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (connection.State == HubConnectionState.Disconnected) await connection.StartAsync(cancellationToken);
        var opened = await connection.InvokeAsync<JsonElement>("Open", ScriptId, ClientId, cancellationToken);
        Role = opened.GetProperty("role").GetString();
        bool fresh;
        lock (gate)
        {
            fresh = doc is null;
            doc ??= new CollabClient(ClientId, opened.GetProperty("text").GetString()!, opened.GetProperty("version").GetInt32());
            pushing = false;
            awaitingVersion = -1;
        }
        if (!fresh) await PullAsync(cancellationToken);
        Kick();
    }

    /// <summary>Drops the connection (as a network failure would); local edits are kept.</summary>
    public async Task DisconnectAsync()
    {
        await connection.StopAsync();
        lock (gate) pushing = false;
    }

    /// <summary>Makes a local edit, built against the current local text, and sends it when nothing is in flight.</summary>
    public void Edit(Func<string, ChangeSet?> makeChange)
    {
        lock (gate)
        {
            if (doc is null) throw new InvalidOperationException("Open the script first.");
            var change = makeChange(doc.Text);
            if (change is null || change.IsEmpty) return;
            doc.Edit(change);
        }
        Kick();
    }

    /// <summary>Inserts <paramref name="text"/> at <paramref name="position"/> (clamped to the document).</summary>
    public void Insert(int position, string text) =>
        Edit(current => ChangeSet.Of(Math.Clamp(position, 0, current.Length), Math.Clamp(position, 0, current.Length), text, current.Length));

    /// <summary>Fetches every update after the local version and applies it.</summary>
    public async Task PullAsync(CancellationToken cancellationToken = default)
    {
        int version;
        lock (gate) version = doc!.Version;
        var pulled = await connection.InvokeAsync<JsonElement>("Pull", ScriptId, version, cancellationToken);
        if (pulled.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            throw new InvalidOperationException("Pull refused: " + error.GetString());
        Apply(version, ParseUpdates(pulled.GetProperty("updates")));
    }

    /// <summary>Waits until every local edit is confirmed (pulling as needed), or throws after <paramref name="timeout"/>.</summary>
    public async Task SettleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Settled)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{ClientId}: {UnconfirmedCount} edits still unconfirmed at version {Version}; last error: {LastError}");
            Kick();
            await Task.Delay(20);
        }
    }

    /// <summary>Starts a push if there is something to send and nothing in flight; pulls when a confirmation is overdue.</summary>
    public void Kick()
    {
        int version;
        JsonArray updates;
        lock (gate)
        {
            if (doc is null || pushing || connection.State != HubConnectionState.Connected) return;
            if (awaitingVersion > doc.Version)
            {
                if (DateTime.UtcNow - awaitingSince > ConfirmTimeout) RequestPull();
                return;
            }
            if (doc.Unconfirmed.Count == 0) return;
            pushing = true;
            version = doc.Version;
            updates = new JsonArray();
            inFlight = doc.Unconfirmed.ToList();
            foreach (var u in inFlight) updates.Add(new JsonObject { ["clientId"] = u.ClientId, ["changes"] = u.Changes.ToJsonArray() });
        }
        _ = PushAsync(version, updates);
    }

    private async Task PushAsync(int version, JsonArray updates)
    {
        bool rejected = false;
        try
        {
            var result = await connection.InvokeAsync<JsonElement>("Push", ScriptId, version, updates);
            lock (gate)
            {
                pushing = false;
                if (result.GetProperty("accepted").GetBoolean())
                {
                    // Our updates are durable; they are confirmed when they come back in the stream.
                    awaitingVersion = result.GetProperty("version").GetInt32();
                    awaitingSince = DateTime.UtcNow;
                    Acknowledged?.Invoke(inFlight);
                }
                else
                {
                    Rejections++;
                    LastError = result.TryGetProperty("error", out var e) ? e.GetString() : null;
                    rejected = true;
                }
            }
        }
        catch (Exception e)
        {
            // A dropped connection: the edits stay unconfirmed and go out again after OpenAsync.
            lock (gate)
            {
                pushing = false;
                LastError = e.Message;
            }
            return;
        }
        if (rejected) RequestPull();
        else Kick();
    }

    private void OnUpdates(JsonElement message)
    {
        try
        {
            HandleUpdates(message);
        }
        catch (Exception e)
        {
            // SignalR would swallow it; keep it visible to tests and the load tool.
            lock (gate)
            {
                Faults++;
                LastError = "applying updates failed: " + e.Message;
            }
        }
    }

    private void HandleUpdates(JsonElement message)
    {
        if (message.GetProperty("scriptId").GetGuid() != ScriptId) return;
        int from = message.GetProperty("version").GetInt32();
        var updates = ParseUpdates(message.GetProperty("updates"));
        bool gap;
        lock (gate)
        {
            if (doc is null) return;
            gap = from > doc.Version;
            if (!gap) Apply(from, updates);
        }
        if (gap) RequestPull();
        else Kick();
    }

    /// <summary>Pulls once in the background; requests made while a pull runs make it run once more.</summary>
    private void RequestPull()
    {
        if (Interlocked.Increment(ref pullRequested) != 1) return;
        _ = Task.Run(async () =>
        {
            do
            {
                Volatile.Write(ref pullRequested, 1);
                try
                {
                    if (connection.State == HubConnectionState.Connected) await PullAsync();
                }
                catch (Exception e)
                {
                    lock (gate) LastError = e.Message;
                }
            } while (Interlocked.Decrement(ref pullRequested) != 0);
            lock (gate) awaitingVersion = -1;
            Kick();
        });
    }

    private void Apply(int from, IReadOnlyList<CollabUpdate> updates)
    {
        lock (gate)
        {
            if (doc is null || from > doc.Version) return;
            int skip = doc.Version - from;
            if (skip >= updates.Count) return;
            var fresh = skip == 0 ? updates : updates.Skip(skip).ToList();
            doc.Receive(doc.Version, fresh);
            if (awaitingVersion <= doc.Version) awaitingVersion = -1;
            if (RemoteApplied is { } callback)
            {
                var others = fresh.Where(u => u.ClientId != ClientId).ToList();
                if (others.Count > 0) callback(others);
            }
        }
    }

    private static List<CollabUpdate> ParseUpdates(JsonElement updates)
    {
        var list = new List<CollabUpdate>(updates.GetArrayLength());
        foreach (var u in updates.EnumerateArray())
            list.Add(new CollabUpdate(u.GetProperty("clientId").GetString()!, ChangeSet.FromJson(u.GetProperty("changes"))));
        return list;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
