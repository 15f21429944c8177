using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// <see cref="ScriptAccess"/> for hub calls, which come several times a second per editor: a person's standing on a
/// script is reused for <see cref="CollaborationOptions.AccessCacheDuration"/>, so a role change or removal takes
/// effect within that time instead of costing a database query per keystroke.
/// </summary>
internal sealed class HubAccess(ScriptAccess access, IOptions<CollaborationOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<(string UserId, Guid ScriptId), Cached> cache = new();

    /// <summary>The caller's standing for <paramref name="action"/>, through the shared <see cref="ScriptAccess"/> rules.</summary>
    public async Task<AccessResult> CheckAsync(Guid scriptId, string? userId, ScriptAction action)
    {
        if (userId is null) return new(AccessOutcome.NotFound, null);
        var duration = options.Value.AccessCacheDuration;
        if (duration <= TimeSpan.Zero) return await access.CheckAsync(scriptId, userId, action);

        var result = await ReadStandingAsync((userId, scriptId), duration);
        if (!result.Allowed) return result;
        return ScriptAccess.Allows(result.Grant!.Role, action) ? result : new(AccessOutcome.Forbidden, result.Grant);
    }

    /// <summary>
    /// What Read says (it decides NotFound for strangers and deleted scripts, and carries the role for the rest),
    /// from the cache or from one query. Callers arriving while that query runs share it: the five editors of a
    /// script whose entry just expired cost one query, not five, which mattered under load.
    /// </summary>
    private async Task<AccessResult> ReadStandingAsync((string UserId, Guid ScriptId) key, TimeSpan duration)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var cached) && cached.Expires > now) return await cached.Read.Task;

        // Valid from when the query starts, so a removal is never seen later than the configured duration.
        var fresh = new Cached(new TaskCompletionSource<AccessResult>(TaskCreationOptions.RunContinuationsAsynchronously), now + duration);
        var current = cached is null ? cache.GetOrAdd(key, fresh) : cache.TryUpdate(key, fresh, cached) ? fresh : cache.GetValueOrDefault(key, fresh);
        if (!ReferenceEquals(current, fresh)) return await current.Read.Task;

        if (cache.Count > PruneAbove) Prune(now);
        try
        {
            fresh.Read.SetResult(await access.CheckAsync(key.ScriptId, key.UserId, ScriptAction.Read));
        }
        catch (Exception e)
        {
            // A failed query must not stick: the next call asks again.
            cache.TryRemove(KeyValuePair.Create(key, fresh));
            fresh.Read.SetException(e);
        }
        return await fresh.Read.Task;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, value) in cache)
        {
            if (value.Expires <= now) cache.TryRemove(KeyValuePair.Create(key, value));
        }
    }

    /// <summary>A standing, or the query that will tell it, shared by everyone who asks meanwhile.</summary>
    private sealed record Cached(TaskCompletionSource<AccessResult> Read, DateTimeOffset Expires);
}
