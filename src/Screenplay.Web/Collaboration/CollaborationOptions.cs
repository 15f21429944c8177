namespace Screenplay.Web.Collaboration;

/// <summary>Live-editing settings (configuration section <c>Collaboration</c>; see docs/operations.md).</summary>
public sealed class CollaborationOptions
{
    public const string Section = "Collaboration";

    /// <summary>A script nobody has opened, pushed to or pulled from for this long is unloaded from memory.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often open scripts' text is copied into the <c>scripts</c> row (lists, exports, search read it there).</summary>
    public TimeSpan SaveTextInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a hub method may reuse an access check for the same person and script. Pushes come many times a
    /// second; a revoked role takes effect within this time. Zero checks the database on every call.
    /// </summary>
    public TimeSpan AccessCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest SignalR message accepted from a client, in bytes; a pasted feature script is about 250 KB of JSON.</summary>
    public long MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Recent updates kept in memory per open script; older ones are read from the database for pulls.</summary>
    public int TailCapacity { get; set; } = 1000;

    /// <summary>
    /// Editors resend their cursor at least this often while others are in the script, and forget someone not heard
    /// from for three of these: so the people of an app instance that died disappear from everyone's list.
    /// </summary>
    public TimeSpan PresenceHeartbeat { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A snapshot of the full text is written every this many updates.</summary>
    public int SnapshotEvery { get; set; } = 500;
}
