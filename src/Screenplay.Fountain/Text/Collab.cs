namespace Screenplay.Fountain.Text;

/// <summary>The server side of <c>@codemirror/collab</c>'s protocol that is pure change algebra.</summary>
public static class Collab
{
    /// <summary>
    /// Makes updates a client sent against an older version apply to the current one, as <c>rebaseUpdates</c> in
    /// <c>@codemirror/collab</c> does. <paramref name="over"/> holds every update accepted since the client's version.
    /// Updates of this client already among them (a repeated push) are dropped; the rest are mapped over the
    /// others' changes, so the server can accept them instead of making the client pull and retry.
    /// </summary>
    public static IReadOnlyList<CollabUpdate> RebaseUpdates(IReadOnlyList<CollabUpdate> updates, IReadOnlyList<CollabUpdate> over)
    {
        if (over.Count == 0 || updates.Count == 0) return updates;
        ChangeDesc? changes = null;
        int skip = 0;
        foreach (var update in over)
        {
            var other = skip < updates.Count ? updates[skip] : null;
            if (other is not null && other.ClientId == update.ClientId)
            {
                // The client's own update, accepted earlier: it is not sent again, and the other changes are
                // moved over it so that they apply after it.
                if (changes is not null) changes = changes.MapDesc(other.Changes, before: true);
                skip++;
            }
            else
            {
                changes = changes is null ? update.Changes : changes.ComposeDesc(update.Changes);
            }
        }

        var remaining = updates.Skip(skip);
        if (changes is null) return remaining.ToList();
        var result = new List<CollabUpdate>();
        foreach (var update in remaining)
        {
            var updateChanges = update.Changes.Map(changes);
            changes = changes.MapDesc(update.Changes, before: true);
            result.Add(update with { Changes = updateChanges });
        }
        return result;
    }

    /// <summary>
    /// Whether <see cref="RebaseUpdates"/> gives every client the same document, however the client happens to
    /// receive the updates. It does not always: mapping over several changes at once or one at a time can order
    /// two insertions at one position differently (a replacement composed from a deletion and an insertion, say),
    /// and a <c>@codemirror/collab</c> client rebases its own copy of the pushed edits over whatever batches it
    /// receives. When no pushed change touches (overlaps or abuts) a change it is moved over, at any step, every
    /// grouping maps it the same way. Returns null when the rebase is safe, else why not; then the server refuses
    /// the push and the client pulls and pushes again, which is always consistent.
    /// </summary>
    /// <param name="maxWork">Largest pushed × missed update count to check; beyond it the push is refused.</param>
    public static string? WhyRebaseIsUnsafe(IReadOnlyList<CollabUpdate> updates, IReadOnlyList<CollabUpdate> over, int maxWork = 20_000)
    {
        if (over.Count == 0 || updates.Count == 0) return null;
        // A repeated push whose earlier copy was accepted before anything else is simply skipped; own updates mixed
        // with others' would need the mapping the client does on its own, so those are refused.
        string clientId = updates[0].ClientId;
        int own = 0;
        while (own < over.Count && own < updates.Count && over[own].ClientId == clientId) own++;
        if (over.Skip(own).Any(u => u.ClientId == clientId))
            return "some of these updates were accepted after other changes; pull and push again";
        updates = updates.Skip(own).ToList();
        over = over.Skip(own).ToList();
        if (over.Count == 0 || updates.Count == 0) return null;
        if ((long)updates.Count * over.Count > maxWork) return "too far behind to rebase; pull and push again";

        // Walk the grid of (pushed update, missed update) pairs in order, mapping each over the other one step at
        // a time, and check that no pair touches where it meets.
        var foreign = over.Select(u => (ChangeDesc)u.Changes).ToArray();
        foreach (var update in updates)
        {
            ChangeDesc mine = update.Changes;
            for (int i = 0; i < foreign.Length; i++)
            {
                if (Touch(mine, foreign[i])) return "the edit meets a concurrent edit at the same place; pull and push again";
                var next = mine.MapDesc(foreign[i]);
                foreign[i] = foreign[i].MapDesc(mine, before: true);
                mine = next;
            }
        }
        return null;
    }

    private static bool Touch(ChangeDesc a, ChangeDesc b)
    {
        bool touch = false;
        a.IterChangedRanges((fromA, toA, _, _) => touch |= b.TouchesRange(fromA, toA), individual: true);
        return touch;
    }
}
