using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;
using Screenplay.Web.Operations;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// This app instance's open scripts: one <see cref="DocumentSession"/> per script, opened on first use from the
/// newest snapshot plus the log after it, broadcasting what it commits to the script's SignalR group, and
/// unloaded by <see cref="SessionJanitor"/> once idle. Callers borrow a session through <see cref="UseAsync{T}"/>,
/// which never hands out one that is being unloaded.
/// </summary>
internal sealed partial class ScriptSessions(
    PostgresUpdateLog log,
    IHubContext<ScriptHub> hub,
    IDbContextFactory<ScreenplayDbContext> dbFactory,
    NoteEvents noteEvents,
    IOptions<CollaborationOptions> options,
    IOptions<ScreenplayLimits> limits,
    ILoggerFactory loggerFactory,
    TimeProvider time) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();
    // Each session's scene identity (Notes/), kept beside it for as long as it lives.
    private readonly ConditionalWeakTable<DocumentSession, SceneTracker> trackers = new();
    private readonly ILogger logger = loggerFactory.CreateLogger<ScriptSessions>();

    /// <summary>Scripts loaded right now.</summary>
    public int Count => entries.Count;

    public bool IsLoaded(Guid scriptId) => entries.ContainsKey(scriptId);

    /// <summary>
    /// Runs <paramref name="action"/> on the script's session, opening it if needed.
    /// </summary>
    /// <exception cref="ScriptGoneException">The script does not exist (any more).</exception>
    public async Task<T> UseAsync<T>(Guid scriptId, Func<DocumentSession, Task<T>> action)
    {
        for (;;)
        {
            var entry = entries.GetOrAdd(scriptId, id => new Entry(new Lazy<Task<DocumentSession>>(() => OpenAsync(id))));
            if (!entry.TryEnter()) continue; // being unloaded: the next round opens a fresh one
            try
            {
                DocumentSession session;
                try
                {
                    session = await entry.Session.Value;
                }
                catch
                {
                    // A failed open must not stick: the next caller tries again.
                    entries.TryRemove(KeyValuePair.Create(scriptId, entry));
                    throw;
                }
                return await action(session);
            }
            finally
            {
                entry.Exit();
            }
        }
    }

    /// <summary>
    /// Like <see cref="UseAsync{T}"/>, with the session's scene identity and note passages; null when the tracker failed
    /// to load (the script stays editable, only passage pins are unavailable until it is opened again).
    /// </summary>
    public Task<T> UseScenesAsync<T>(Guid scriptId, Func<DocumentSession, SceneTracker?, Task<T>> action) =>
        UseAsync(scriptId, session => action(session, trackers.TryGetValue(session, out var tracker) ? tracker : null));

    /// <summary>
    /// Like <see cref="UseScenesAsync{T}"/>, only when this instance holds the script's session already and its scene
    /// tracker loaded: nothing is opened; null otherwise.
    /// </summary>
    public async Task<T?> UseLoadedScenesAsync<T>(Guid scriptId, Func<DocumentSession, SceneTracker, Task<T>> action) where T : class
    {
        if (!entries.TryGetValue(scriptId, out var entry) || !entry.TryEnter()) return null;
        try
        {
            if (!entry.Session.IsValueCreated) return null;
            DocumentSession session;
            try
            {
                session = await entry.Session.Value;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return null; // its opener reports the failure
            }
            return trackers.TryGetValue(session, out var tracker) ? await action(session, tracker) : null;
        }
        finally
        {
            entry.Exit();
        }
    }

    /// <summary>Copies every open script's text into its row when it changed since the last copy.</summary>
    public async Task SaveTextsAsync(CancellationToken cancellationToken)
    {
        foreach (var (scriptId, entry) in entries)
        {
            if (!entry.Session.IsValueCreated || !entry.Session.Value.IsCompletedSuccessfully) continue;
            await SaveTextAsync(scriptId, entry, entry.Session.Value.Result, withPageCount: false, cancellationToken);
        }
    }

    /// <summary>Unloads scripts idle for longer than <see cref="CollaborationOptions.IdleTimeout"/>.</summary>
    public async Task UnloadIdleAsync(CancellationToken cancellationToken)
    {
        var idleSince = time.GetUtcNow() - options.Value.IdleTimeout;
        foreach (var (scriptId, entry) in entries)
        {
            if (!entry.Session.IsValueCreated || !entry.Session.Value.IsCompletedSuccessfully) continue;
            var session = entry.Session.Value.Result;
            if (session.LastActivity > idleSince || !entry.TryClose()) continue;
            entries.TryRemove(KeyValuePair.Create(scriptId, entry));
            await session.DisposeAsync();
            if (trackers.TryGetValue(session, out var tracker)) tracker.Dispose();
            await SaveTextAsync(scriptId, entry, session, withPageCount: true, cancellationToken);
            LogUnloaded(scriptId, session.Version);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (scriptId, entry) in entries)
        {
            if (!entry.Session.IsValueCreated || !entry.Session.Value.IsCompletedSuccessfully) continue;
            var session = entry.Session.Value.Result;
            await session.DisposeAsync();
            if (trackers.TryGetValue(session, out var tracker)) tracker.Dispose();
            try
            {
                await SaveTextAsync(scriptId, entry, session, withPageCount: true, CancellationToken.None);
            }
            catch (Exception e)
            {
                // Only the copy in the scripts row is behind; the log has every update.
                LogSaveFailed(e, scriptId);
            }
        }
        entries.Clear();
    }

    private async Task<DocumentSession> OpenAsync(Guid scriptId)
    {
        var snapshot = await log.LatestSnapshotAsync(scriptId, CancellationToken.None)
            ?? throw new ScriptGoneException(scriptId);
        var sessionOptions = new DocumentSessionOptions
        {
            TailCapacity = options.Value.TailCapacity,
            MaxRebaseDistance = options.Value.TailCapacity,
            SnapshotEvery = options.Value.SnapshotEvery,
            MaxDocumentLength = limits.Value.MaxScriptChars,
            MaxInsertedPerPush = limits.Value.MaxScriptChars,
        };
        var session = await DocumentSession.OpenAsync(scriptId, snapshot.Text, snapshot.Version, log, sessionOptions,
            loggerFactory.CreateLogger<DocumentSession>(), time);
        SceneTracker? tracker = null;
        try
        {
            tracker = await SceneTracker.OpenAsync(scriptId, snapshot.Text, snapshot.Version, session.Version, log, dbFactory,
                session.GetSnapshot, loggerFactory.CreateLogger<SceneTracker>(), time);
            trackers.AddOrUpdate(session, tracker);
            // Passages pinned through another instance are followed here too.
            tracker.Follow(session, noteEvents);
        }
        catch (Exception e)
        {
            // Notes on this script fail until it is opened again; writing it must not.
            LogTrackerFailed(e, scriptId);
        }

        session.Committed = async committed =>
        {
            // Co-writers hear of the update first; the scene ids follow it (a re-parse, and a write only when scenes
            // were added, removed, renumbered or retitled) before the push is acknowledged and the next one is taken.
            await hub.Clients.Group(ScriptHub.GroupName(scriptId)).SendAsync(ScriptHub.UpdatesEvent, UpdatesMessage.From(committed));
            if (tracker is null) return;
            var scenes = await tracker.AdvanceAsync(committed);
            if (scenes is not null) await noteEvents.ScenesChangedAsync(scenes);
        };
        LogOpened(scriptId, session.Version, snapshot.Version);
        return session;
    }

    private async Task SaveTextAsync(Guid scriptId, Entry entry, DocumentSession session, bool withPageCount, CancellationToken cancellationToken)
    {
        // Passages move with the text but are written lazily, with it (and scene rows a failed write left behind).
        if (trackers.TryGetValue(session, out var tracker)) await tracker.SaveAsync(allPins: true, cancellationToken);
        // Checked before GetSnapshot, which counts as activity: an unchanged script must be able to go idle.
        if (session.Version <= entry.SavedVersion) return;
        var snapshot = session.GetSnapshot();
        int? pages = withPageCount ? Scripts.ScriptLayout.PageCount(snapshot.Text) : null;
        await log.SaveTextAsync(scriptId, snapshot.Version, snapshot.Text, pages, cancellationToken);
        entry.SavedVersion = snapshot.Version;
    }

    /// <summary>A loaded (or loading) script and who is using it right now.</summary>
    private sealed class Entry(Lazy<Task<DocumentSession>> session)
    {
        private readonly Lock gate = new();
        private int users;
        private bool closed;

        public Lazy<Task<DocumentSession>> Session { get; } = session;
        public int SavedVersion { get; set; } = -1;

        public bool TryEnter()
        {
            lock (gate)
            {
                if (closed) return false;
                users++;
                return true;
            }
        }

        public void Exit()
        {
            lock (gate) users--;
        }

        /// <summary>Marks the entry unloaded unless someone is using it.</summary>
        public bool TryClose()
        {
            lock (gate)
            {
                if (users > 0) return false;
                closed = true;
                return true;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Script {ScriptId} opened at version {Version} (snapshot {SnapshotVersion})")]
    private partial void LogOpened(Guid scriptId, int version, int snapshotVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Script {ScriptId} unloaded at version {Version}")]
    private partial void LogUnloaded(Guid scriptId, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Script {ScriptId}: its scene identity could not be loaded; notes are unavailable until it is opened again")]
    private partial void LogTrackerFailed(Exception exception, Guid scriptId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {ScriptId}: copying the text into the scripts row failed")]
    private partial void LogSaveFailed(Exception exception, Guid scriptId);
}

/// <summary>The script was deleted for good, or never existed.</summary>
internal sealed class ScriptGoneException(Guid scriptId) : Exception($"Script {scriptId} does not exist.");
