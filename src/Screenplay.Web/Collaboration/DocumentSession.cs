using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Screenplay.Fountain.Text;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// The authority over one open script: its text, its version and the recent updates. Pushes are serialized through
/// one writer loop; each is checked (ranges, version, size), rebased over updates it has not seen like
/// <c>rebaseUpdates</c> in <c>@codemirror/collab</c>, written to the <see cref="IScriptUpdateLog"/> and only then
/// applied, broadcast through <see cref="Committed"/> and acknowledged. Pushes arriving while a write is in flight
/// are written together in the next transaction (group commit). A rejected push changes nothing.
/// </summary>
public sealed partial class DocumentSession : IAsyncDisposable
{
    private readonly IScriptUpdateLog log;
    private readonly DocumentSessionOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Channel<PendingPush> pushes = Channel.CreateUnbounded<PendingPush>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    // Written only by the writer loop, under stateLock; read under stateLock by pulls and snapshots.
    private readonly Lock stateLock = new();
    private readonly TextBuffer text;
    private readonly List<LoggedUpdate> tail = [];
    private int version;
    private long lastActivityTicks;

    private DocumentSession(Guid scriptId, string text, int version, IEnumerable<LoggedUpdate> recent, IScriptUpdateLog log,
        DocumentSessionOptions? options, ILogger? logger, TimeProvider? time)
    {
        ScriptId = scriptId;
        this.log = log;
        this.options = options ?? new DocumentSessionOptions();
        this.logger = logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        this.text = new TextBuffer(text);
        this.version = version;
        tail.AddRange(recent);
        TrimTail();
        Touch();
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Opens a script from its latest snapshot (<paramref name="snapshotText"/> at <paramref name="snapshotVersion"/>):
    /// replays the logged updates after it, which also fill the in-memory tail.
    /// </summary>
    /// <exception cref="InvalidDataException">The log does not continue the snapshot (a gap or a change that does not fit).</exception>
    public static async Task<DocumentSession> OpenAsync(Guid scriptId, string snapshotText, int snapshotVersion, IScriptUpdateLog log,
        DocumentSessionOptions? options = null, ILogger? logger = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var updates = await log.ReadAsync(scriptId, snapshotVersion, null, cancellationToken);
        var (text, version) = Replay(scriptId, snapshotText, snapshotVersion, updates);
        return new DocumentSession(scriptId, text, version, updates, log, options, logger, time);
    }

    /// <summary><paramref name="text"/> at <paramref name="version"/> with the logged updates that follow it applied in order.</summary>
    /// <exception cref="InvalidDataException">The updates do not continue the text (a gap or a change that does not fit).</exception>
    public static (string Text, int Version) Replay(Guid scriptId, string text, int version, IReadOnlyList<LoggedUpdate> updates)
    {
        if (updates.Count == 0) return (text, version);
        var doc = new TextBuffer(text);
        foreach (var update in updates)
        {
            if (update.Version != version || update.Update.Changes.Length != doc.Length)
                throw new InvalidDataException($"Script {scriptId}: logged update {update.Version} does not continue version {version}.");
            update.Update.Changes.ApplyTo(doc);
            version++;
        }
        return (doc.ToString(), version);
    }

    /// <summary>A session for a new script, or one whose log is known to end at <paramref name="version"/>.</summary>
    public static DocumentSession Create(Guid scriptId, string text, int version, IScriptUpdateLog log,
        DocumentSessionOptions? options = null, ILogger? logger = null, TimeProvider? time = null) =>
        new(scriptId, text, version, [], log, options, logger, time);

    public Guid ScriptId { get; }

    /// <summary>
    /// Called, in version order and one call at a time, with updates that were just made durable; the hub relays
    /// them to the script's group. It runs before the pushes that produced them are acknowledged.
    /// </summary>
    public Func<CommittedUpdates, Task>? Committed { get; set; }

    /// <summary>The current version (updates applied since the script was created).</summary>
    public int Version
    {
        get
        {
            lock (stateLock) return version;
        }
    }

    /// <summary>When a client last opened, pushed or pulled; the registry unloads sessions idle for long.</summary>
    public DateTimeOffset LastActivity => new(Interlocked.Read(ref lastActivityTicks), TimeSpan.Zero);

    /// <summary>The current text and version, consistent with each other.</summary>
    public DocumentSnapshot GetSnapshot()
    {
        Touch();
        lock (stateLock) return new DocumentSnapshot(version, text.ToString());
    }

    /// <summary>
    /// Every update after <paramref name="fromVersion"/>; those older than the in-memory tail are read from the log.
    /// A version newer than the server's is an error (after checking the log for updates another node wrote).
    /// </summary>
    public async Task<PullResult> PullAsync(int fromVersion, CancellationToken cancellationToken = default)
    {
        Touch();
        // A version newer than ours may have been written by another instance: an empty push makes the writer catch up.
        if (fromVersion > Version) await PushAsync(fromVersion, [], null, cancellationToken);
        for (;;)
        {
            int tailStart;
            lock (stateLock)
            {
                tailStart = version - tail.Count;
                if (fromVersion < 0 || fromVersion > version)
                    return new PullResult(version, [], $"version {fromVersion} is not between 0 and the server's version {version}");
                if (fromVersion >= tailStart)
                    return new PullResult(version, tail.GetRange(fromVersion - tailStart, version - fromVersion).Select(u => u.Update).ToList());
            }

            var older = await log.ReadAsync(ScriptId, fromVersion, tailStart, cancellationToken);
            if (older.Count != tailStart - fromVersion || (older.Count > 0 && older[0].Version != fromVersion))
                return new PullResult(Version, [], $"the log is missing updates between {fromVersion} and {tailStart}");
            lock (stateLock)
            {
                int start = version - tail.Count;
                // Rarely, the tail moved past what we read meanwhile: read again.
                if (start > tailStart) continue;
                var rest = tail.GetRange(tailStart - start, version - tailStart).Select(u => u.Update);
                return new PullResult(version, older.Select(u => u.Update).Concat(rest).ToList());
            }
        }
    }

    /// <summary>
    /// Pushes <paramref name="updates"/> made by a client on top of <paramref name="baseVersion"/>. Returns once
    /// they are durable and broadcast, or refused.
    /// </summary>
    public Task<PushResult> PushAsync(int baseVersion, IReadOnlyList<CollabUpdate> updates, string? userId = null, CancellationToken cancellationToken = default)
    {
        Touch();
        var pending = new PendingPush(baseVersion, updates, userId);
        if (!pushes.Writer.TryWrite(pending))
            return Task.FromResult(new PushResult(false, Version, "the script is closing; reconnect"));
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Pushes updates in their wire form; malformed JSON is refused like any other bad push.</summary>
    public Task<PushResult> PushAsync(int baseVersion, JsonElement updates, string? userId = null, CancellationToken cancellationToken = default)
    {
        var parsed = UpdateJson.TryParse(updates, out var error);
        if (parsed is null)
        {
            LogRejected(ScriptId, baseVersion, error!);
            return Task.FromResult(new PushResult(false, Version, error));
        }
        return PushAsync(baseVersion, parsed, userId, cancellationToken);
    }

    /// <summary>Stops taking pushes and waits for those already queued to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        pushes.Writer.TryComplete();
        await writer;
    }

    private void Touch() => Interlocked.Exchange(ref lastActivityTicks, time.GetUtcNow().UtcTicks);

    private void TrimTail()
    {
        // Trim in steps of a quarter so the copy is paid once per many updates.
        if (tail.Count > options.TailCapacity + options.TailCapacity / 4)
            tail.RemoveRange(0, tail.Count - options.TailCapacity);
    }

    private sealed record PendingPush(int BaseVersion, IReadOnlyList<CollabUpdate> Updates, string? UserId)
    {
        public TaskCompletionSource<PushResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {ScriptId}: push at version {Version} rejected: {Reason}")]
    private partial void LogRejected(Guid scriptId, int version, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Script {ScriptId}: writing {Count} updates at version {Version} failed")]
    private partial void LogWriteFailed(Exception exception, Guid scriptId, int count, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {ScriptId}: version {Version} was taken by another writer; catching up")]
    private partial void LogConflict(Guid scriptId, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Script {ScriptId}: broadcasting from version {Version} failed")]
    private partial void LogBroadcastFailed(Exception exception, Guid scriptId, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Script {ScriptId}: saving the snapshot at version {Version} failed")]
    private partial void LogSnapshotFailed(Exception exception, Guid scriptId, int version);
}
