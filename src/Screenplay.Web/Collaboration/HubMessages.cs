using System.Text.Json.Nodes;

namespace Screenplay.Web.Collaboration;

// The hub's wire shapes (docs/collaboration.md). SignalR's JSON protocol writes them camelCase.

/// <summary>
/// The answer to <c>Open</c>: the script as of <paramref name="Version"/>, the caller's role, who else is here on this
/// app instance (the others answer the <c>PresenceHello</c> the open sends), and how often to resend one's cursor.
/// </summary>
internal sealed record OpenResult(int Version, string Text, string Role, IReadOnlyList<PresenceMessage> Presence, int PresenceHeartbeatMs);

/// <summary>The answer to <c>Pull</c>: every update after the version asked for, leading to <paramref name="Version"/>.</summary>
internal sealed record PullAnswer(int Version, JsonArray Updates, string? Error = null);

/// <summary>The <c>Updates</c> event: <paramref name="Version"/> is the version before the first update.</summary>
internal sealed record UpdatesMessage(Guid ScriptId, int Version, JsonArray Updates)
{
    public static UpdatesMessage From(CommittedUpdates committed) =>
        new(committed.ScriptId, committed.FromVersion, UpdateJson.ToJson(committed.Updates));
}

/// <summary>The <c>Presence</c> event: where someone's cursor is, in the coordinates of <paramref name="Version"/>.</summary>
internal sealed record PresenceMessage(Guid ScriptId, string ClientId, string UserId, string Name, string Colour, int Version, int? Anchor, int? Head);

/// <summary>The <c>PresenceHello</c> event: a tab (re)joined the script; everyone answers with <c>MoveCursor</c>.</summary>
internal sealed record PresenceHelloMessage(Guid ScriptId, string ClientId);

/// <summary>The <c>PresenceLeft</c> event.</summary>
internal sealed record PresenceLeftMessage(Guid ScriptId, string ClientId);
