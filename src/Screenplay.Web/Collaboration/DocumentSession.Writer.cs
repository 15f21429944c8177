using Screenplay.Fountain.Text;

namespace Screenplay.Web.Collaboration;

// The single writer: everything that changes the session's state runs here, one batch at a time.
public sealed partial class DocumentSession
{
    private const int MaxConflictRetries = 5;

    private async Task WriteLoopAsync()
    {
        var reader = pushes.Reader;
        var batch = new List<PendingPush>();
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < options.MaxBatch && reader.TryRead(out var push)) batch.Add(push);
            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception e)
            {
                // A bug must not stop the script: refuse what is left of this batch and keep serving.
                LogWriteFailed(e, ScriptId, batch.Count, version);
                foreach (var push in batch) push.Result.TrySetResult(new PushResult(false, Version, "internal error; pull and push again"));
            }
        }
    }

    private async Task WriteBatchAsync(List<PendingPush> batch)
    {
        for (int attempt = 0; ; attempt++)
        {
            if (batch.Any(p => p.BaseVersion > version)) await CatchUpAsync();

            var added = new List<LoggedUpdate>();
            int length = text.Length;
            foreach (var push in batch)
            {
                string? error = Plan(push, added, ref length);
                if (error is not null)
                {
                    LogRejected(ScriptId, push.BaseVersion, error);
                    push.Result.TrySetResult(new PushResult(false, version, error));
                }
            }
            batch.RemoveAll(p => p.Result.Task.IsCompleted);
            if (added.Count == 0)
            {
                foreach (var push in batch) push.Result.TrySetResult(new PushResult(true, version));
                return;
            }

            try
            {
                await log.AppendAsync(ScriptId, added, CancellationToken.None);
            }
            catch (UpdateConflictException) when (attempt < MaxConflictRetries)
            {
                // Another instance took these versions: take in what it wrote and plan the batch again on top of it.
                LogConflict(ScriptId, version);
                await CatchUpAsync();
                continue;
            }
            catch (Exception e)
            {
                LogWriteFailed(e, ScriptId, added.Count, version);
                foreach (var push in batch) push.Result.TrySetResult(new PushResult(false, version, "the change could not be saved; push again"));
                return;
            }

            int from = version;
            await CommitAsync(added);
            foreach (var push in batch) push.Result.TrySetResult(new PushResult(true, version));
            await SnapshotIfDueAsync(from);
            return;
        }
    }

    /// <summary>Checks a push against the state including the batch so far and adds its rebased updates; returns why it is refused, if it is.</summary>
    private string? Plan(PendingPush push, List<LoggedUpdate> added, ref int length)
    {
        int current = version + added.Count;
        int tailStart = version - tail.Count;
        var updates = push.Updates;
        if (push.BaseVersion > current) return $"version {push.BaseVersion} is newer than the server's version {current}";
        if (push.BaseVersion < 0) return $"version {push.BaseVersion} is negative";
        if (updates.Count == 0) return null;
        if (push.BaseVersion < tailStart || current - push.BaseVersion > options.MaxRebaseDistance)
            return $"version {push.BaseVersion} is too old to rebase (the server is at {current}); pull and rebase";
        if (updates.Count > options.MaxUpdatesPerPush) return $"too many updates in one push ({updates.Count}, at most {options.MaxUpdatesPerPush})";

        string clientId = updates[0].ClientId;
        if (string.IsNullOrEmpty(clientId) || clientId.Length > options.MaxClientIdLength)
            return $"a client id must have 1 to {options.MaxClientIdLength} characters";
        long inserted = 0;
        int expected = LengthAt(push.BaseVersion, added, length);
        for (int i = 0; i < updates.Count; i++)
        {
            var changes = updates[i].Changes;
            if (updates[i].ClientId != clientId) return "all updates of a push must come from one client";
            if (changes.Length != expected)
                return i == 0
                    ? $"the changes expect a document of length {changes.Length}, but version {push.BaseVersion} has length {expected}"
                    : $"update {i} expects a document of length {changes.Length}, but the previous update leaves {expected}";
            changes.IterChangedRanges((_, _, fromB, toB) => inserted += toB - fromB);
            expected = changes.NewLength;
        }
        if (inserted > options.MaxInsertedPerPush) return $"the push inserts {inserted} characters, at most {options.MaxInsertedPerPush} are allowed";

        var over = UpdatesSince(push.BaseVersion, added);
        // One newer update at a time, as clients map their unconfirmed edits (docs/collaboration.md): mapping over
        // a composition can place an insertion differently, and the pusher's text would then differ from ours.
        var rebased = updates;
        foreach (var update in over) rebased = Collab.RebaseUpdates(rebased, [update]);
        int newLength = length;
        foreach (var update in rebased)
        {
            if (update.Changes.Length != newLength) return "the changes could not be rebased onto the current version";
            newLength = update.Changes.NewLength;
        }
        if (newLength > options.MaxDocumentLength) return $"the document would exceed {options.MaxDocumentLength} characters";

        var now = time.GetUtcNow();
        foreach (var update in rebased) added.Add(new LoggedUpdate(current++, update, push.UserId, now));
        length = newLength;
        return null;
    }

    private int LengthAt(int at, List<LoggedUpdate> added, int currentLength)
    {
        int tailStart = version - tail.Count;
        if (at < version) return tail[at - tailStart].Update.Changes.Length;
        if (at - version < added.Count) return added[at - version].Update.Changes.Length;
        return currentLength;
    }

    private List<CollabUpdate> UpdatesSince(int from, List<LoggedUpdate> added)
    {
        int tailStart = version - tail.Count;
        var result = new List<CollabUpdate>(version + added.Count - from);
        for (int i = Math.Max(0, from - tailStart); i < tail.Count; i++) result.Add(tail[i].Update);
        for (int i = Math.Max(0, from - version); i < added.Count; i++) result.Add(added[i].Update);
        return result;
    }

    /// <summary>Applies durable updates to the in-memory state, then hands them to <see cref="Committed"/>.</summary>
    private async Task CommitAsync(IReadOnlyList<LoggedUpdate> updates)
    {
        int from;
        lock (stateLock)
        {
            from = version;
            foreach (var update in updates)
            {
                update.Update.Changes.ApplyTo(text);
                tail.Add(update);
                version++;
            }
            TrimTail();
        }
        var committed = Committed;
        if (committed is null) return;
        try
        {
            await committed(new CommittedUpdates(ScriptId, from, updates.Select(u => u.Update).ToList()));
        }
        catch (Exception e)
        {
            // Clients that missed a broadcast notice the version gap and pull; the updates are safe in the log.
            LogBroadcastFailed(e, ScriptId, from);
        }
    }

    /// <summary>Takes in updates another writer (another app instance) logged after our version. True when there were any.</summary>
    private async Task<bool> CatchUpAsync()
    {
        var newer = await log.ReadAsync(ScriptId, version, null, CancellationToken.None);
        int expectedVersion = version, length = text.Length;
        var valid = new List<LoggedUpdate>();
        foreach (var update in newer)
        {
            if (update.Version != expectedVersion || update.Update.Changes.Length != length) break;
            valid.Add(update);
            expectedVersion++;
            length = update.Update.Changes.NewLength;
        }
        if (valid.Count == 0) return false;
        await CommitAsync(valid);
        return true;
    }

    private async Task SnapshotIfDueAsync(int from)
    {
        if (from / options.SnapshotEvery == version / options.SnapshotEvery) return;
        try
        {
            await log.SaveSnapshotAsync(ScriptId, version, text.ToString(), CancellationToken.None);
        }
        catch (Exception e)
        {
            // Only slows the next open (more to replay); the updates themselves are durable.
            LogSnapshotFailed(e, ScriptId, version);
        }
    }
}
