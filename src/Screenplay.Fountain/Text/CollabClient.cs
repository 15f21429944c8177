namespace Screenplay.Fountain.Text;

/// <summary>
/// A client's side of the collaboration protocol, ported from <c>@codemirror/collab</c> (<c>receiveUpdates</c>,
/// <c>sendableUpdates</c>, <c>getSyncedVersion</c>): the document as this client sees it, the version it has
/// confirmed with the server, and its own edits the server has not confirmed yet. Simulated editors in tests and
/// the load tool use it to speak the same protocol as the browser. Not thread-safe: one caller at a time.
/// </summary>
public sealed class CollabClient
{
    private readonly TextBuffer doc;
    private List<CollabUpdate> unconfirmed = [];

    public CollabClient(string clientId, string text, int version)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ClientId = clientId;
        doc = new TextBuffer(text);
        Version = version;
    }

    public string ClientId { get; }

    /// <summary>The server version up to which this client has received every update.</summary>
    public int Version { get; private set; }

    /// <summary>The local document's length, local edits included.</summary>
    public int Length => doc.Length;

    /// <summary>The local document: the server's text at <see cref="Version"/> plus the unconfirmed local edits.</summary>
    public string Text => doc.ToString();

    /// <summary>Local edits the server has not confirmed, in order; push them against <see cref="Version"/>.</summary>
    public IReadOnlyList<CollabUpdate> Unconfirmed => unconfirmed;

    /// <summary>Applies a local edit (in the coordinates of the current local document) and queues it for sending.</summary>
    public void Edit(ChangeSet changes)
    {
        if (changes.IsEmpty) return;
        changes.ApplyTo(doc);
        unconfirmed.Add(new CollabUpdate(ClientId, changes));
    }

    /// <summary>
    /// Takes in updates from the server's stream, where <paramref name="fromVersion"/> is the version before the
    /// first of them. Updates this client already has are skipped, so overlapping deliveries are harmless.
    /// Returns the change made to the local document (null when it did not change).
    /// </summary>
    /// <exception cref="InvalidOperationException">The updates start after <see cref="Version"/>: some are missing; pull first.</exception>
    public ChangeSet? Receive(int fromVersion, IReadOnlyList<CollabUpdate> updates)
    {
        if (fromVersion > Version)
            throw new InvalidOperationException($"Updates from version {fromVersion} leave a gap after version {Version}; pull the missing ones.");
        int skip = Version - fromVersion;
        if (skip >= updates.Count) return null;
        // One update at a time, as the server rebases pushes and the browser editor receives them: mapping over a
        // composition of several updates can place an insertion differently (docs/collaboration.md), and then this
        // client's text would differ from the server's.
        ChangeSet? total = null;
        for (int i = skip; i < updates.Count; i++)
        {
            var changes = Receive([updates[i]]);
            if (changes is not null) total = total is null ? changes : total.Compose(changes);
        }
        return total;
    }

    /// <summary>
    /// Takes in the updates that follow <see cref="Version"/>. Own updates among them confirm the oldest
    /// unconfirmed edits; the others are applied to the document, with the remaining local edits moved over them.
    /// </summary>
    private ChangeSet? Receive(IReadOnlyList<CollabUpdate> updates)
    {
        Version += updates.Count;
        ChangeSet? changes = null;
        int own = 0;
        foreach (var update in updates)
        {
            var ours = own < unconfirmed.Count ? unconfirmed[own] : null;
            if (ours is not null && ours.ClientId == update.ClientId)
            {
                // Our own edit coming back confirmed; the others' changes received so far move over it.
                if (changes is not null) changes = changes.Map(ours.Changes, before: true);
                own++;
            }
            else
            {
                changes = changes is null ? update.Changes : changes.Compose(update.Changes);
            }
        }

        if (own > 0) unconfirmed = unconfirmed.Skip(own).ToList();
        if (changes is null) return null;
        if (unconfirmed.Count > 0)
        {
            var rebased = new List<CollabUpdate>(unconfirmed.Count);
            foreach (var update in unconfirmed)
            {
                var updateChanges = update.Changes.Map(changes);
                changes = changes.Map(update.Changes, before: true);
                rebased.Add(update with { Changes = updateChanges });
            }
            unconfirmed = rebased;
        }
        changes.ApplyTo(doc);
        return changes;
    }
}
