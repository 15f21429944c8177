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
        var now = time.GetUtcNow();
        if (duration <= TimeSpan.Zero) return await access.CheckAsync(scriptId, userId, action);

        if (!cache.TryGetValue((userId, scriptId), out var cached) || cached.Expires <= now)
        {
            // Cache what Read says: it decides NotFound (stranger, deleted script) and carries the role for the rest.
            var read = await access.CheckAsync(scriptId, userId, ScriptAction.Read);
            cached = new Cached(read, now + duration);
            if (cache.Count > PruneAbove)
            {
                foreach (var (key, value) in cache)
                {
                    if (value.Expires <= now) cache.TryRemove(KeyValuePair.Create(key, value));
                }
            }
            cache[(userId, scriptId)] = cached;
        }
        var result = cached.Read;
        if (!result.Allowed) return result;
        return ScriptAccess.Allows(result.Grant!.Role, action) ? result : new(AccessOutcome.Forbidden, result.Grant);
    }

    private sealed record Cached(AccessResult Read, DateTimeOffset Expires);
}
