using Screenplay.Fountain.Text;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// The durable edit log a <see cref="DocumentSession"/> writes through (PostgreSQL's <c>script_updates</c> and
/// <c>script_snapshots</c> in the app). The session calls <see cref="AppendAsync"/> and waits for it before it
/// acknowledges or broadcasts anything, so an implementation must return only once the updates are committed.
/// </summary>
public interface IScriptUpdateLog
{
    /// <summary>
    /// Durably stores <paramref name="updates"/> (consecutive versions, the first being the document's current
    /// version) in one transaction: all or none.
    /// </summary>
    /// <exception cref="UpdateConflictException">One of these versions is already stored (another node won it).</exception>
    Task AppendAsync(Guid scriptId, IReadOnlyList<LoggedUpdate> updates, CancellationToken cancellationToken);

    /// <summary>The stored updates with <paramref name="fromVersion"/> ≤ version &lt; <paramref name="toVersion"/> (null: to the end), in order.</summary>
    Task<IReadOnlyList<LoggedUpdate>> ReadAsync(Guid scriptId, int fromVersion, int? toVersion, CancellationToken cancellationToken);

    /// <summary>Stores the full text at <paramref name="version"/>, so opening the script replays only what follows it.</summary>
    Task SaveSnapshotAsync(Guid scriptId, int version, string text, CancellationToken cancellationToken);
}

/// <summary>An update the log refused because its version was taken, by another app instance, say.</summary>
public sealed class UpdateConflictException(string message, Exception? inner = null) : Exception(message, inner);
