using Screenplay.Fountain.Text;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// An accepted update as the log keeps it. <paramref name="Version"/> is the document version the update applies
/// to (the first update of a script has version 0 and produces version 1), so (script, version) is unique.
/// </summary>
public sealed record LoggedUpdate(int Version, CollabUpdate Update, string? UserId, DateTimeOffset At);
