namespace Screenplay.Fountain.Text;

/// <summary>One step of a shared document's history: a change made by the client <paramref name="ClientId"/>.</summary>
/// <param name="ClientId">The editor tab that made the change; a client recognises its own updates by it.</param>
/// <param name="Changes">The change, applying to the document at the version just before this update.</param>
public sealed record CollabUpdate(string ClientId, ChangeSet Changes);
