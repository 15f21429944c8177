using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>
/// An update log in memory with the contract of the PostgreSQL one (a version is taken once; all or nothing per
/// append), plus knobs to hold, fail or count writes. Shared by several sessions it stands in for one database
/// behind two app instances.
/// </summary>
internal sealed class InMemoryUpdateLog : IScriptUpdateLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, List<LoggedUpdate>> updates = [];
    private readonly Dictionary<Guid, (int Version, string Text)> snapshots = [];

    /// <summary>When set, every append waits for this task first (to observe what happens while a write is in flight).</summary>
    public Task? Hold { get; set; }

    /// <summary>When set, the next append throws it (and stores nothing).</summary>
    public Exception? FailNext { get; set; }

    public List<int> AppendSizes { get; } = [];

    public async Task AppendAsync(Guid scriptId, IReadOnlyList<LoggedUpdate> batch, CancellationToken cancellationToken)
    {
        if (Hold is { } hold) await hold;
        await Task.Yield();
        lock (gate)
        {
            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }
            var list = Updates(scriptId);
            if (batch[0].Version != list.Count)
                throw new UpdateConflictException($"version {batch[0].Version} is taken; the log is at {list.Count}");
            for (int i = 0; i < batch.Count; i++)
            {
                if (batch[i].Version != list.Count + i) throw new InvalidOperationException("versions in a batch must be consecutive");
            }
            list.AddRange(batch);
            AppendSizes.Add(batch.Count);
        }
    }

    public Task<IReadOnlyList<LoggedUpdate>> ReadAsync(Guid scriptId, int fromVersion, int? toVersion, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var list = Updates(scriptId);
            int to = Math.Min(toVersion ?? list.Count, list.Count);
            IReadOnlyList<LoggedUpdate> result = fromVersion >= to ? [] : list.GetRange(fromVersion, to - fromVersion);
            return Task.FromResult(result);
        }
    }

    public Task SaveSnapshotAsync(Guid scriptId, int version, string text, CancellationToken cancellationToken)
    {
        lock (gate) snapshots[scriptId] = (version, text);
        return Task.CompletedTask;
    }

    public (int Version, string Text)? Snapshot(Guid scriptId)
    {
        lock (gate) return snapshots.TryGetValue(scriptId, out var s) ? s : null;
    }

    public int Count(Guid scriptId)
    {
        lock (gate) return Updates(scriptId).Count;
    }

    /// <summary>The text the log leads to from <paramref name="start"/>: what a restarted server would load.</summary>
    public string Replay(Guid scriptId, string start)
    {
        lock (gate)
        {
            string text = start;
            foreach (var update in Updates(scriptId)) text = update.Update.Changes.Apply(text);
            return text;
        }
    }

    private List<LoggedUpdate> Updates(Guid scriptId)
    {
        if (!updates.TryGetValue(scriptId, out var list)) updates[scriptId] = list = [];
        return list;
    }
}
