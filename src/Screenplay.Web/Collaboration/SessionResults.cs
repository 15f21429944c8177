using Screenplay.Fountain.Text;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// The answer to a push. <paramref name="Version"/> is the server's version afterwards; when not accepted,
/// <paramref name="Error"/> says why and the document is as it was.
/// </summary>
public sealed record PushResult(bool Accepted, int Version, string? Error = null);

/// <summary>Every update after the version asked for; <paramref name="Version"/> is the version they lead to.</summary>
public sealed record PullResult(int Version, IReadOnlyList<CollabUpdate> Updates, string? Error = null);

/// <summary>The text of the document at <paramref name="Version"/>.</summary>
public sealed record DocumentSnapshot(int Version, string Text);

/// <summary>
/// Updates that were just made durable, for broadcast. <paramref name="FromVersion"/> is the version before the
/// first of them, as in the <c>Updates</c> event.
/// </summary>
public sealed record CommittedUpdates(Guid ScriptId, int FromVersion, IReadOnlyList<CollabUpdate> Updates);
