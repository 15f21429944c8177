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
}
