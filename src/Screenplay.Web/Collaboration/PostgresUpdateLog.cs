using Microsoft.EntityFrameworkCore;
using Npgsql;
using Screenplay.Fountain.Text;
using Screenplay.Web.Data;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// The edit log in PostgreSQL: <c>script_updates</c> keyed by (script, version), so the first app instance to insert
/// a version owns it and any other gets <see cref="UpdateConflictException"/>; <c>script_snapshots</c> for fast opens.
/// </summary>
internal sealed class PostgresUpdateLog(IDbContextFactory<ScreenplayDbContext> dbFactory, UpdateLogWriter writer) : IScriptUpdateLog
{
    /// <summary>
    /// Recent snapshots kept per script (for fast opens); older ones are deleted when a new one is written, except the
    /// first, which is kept forever: with the complete update log after it, every point of the history can be
    /// rebuilt exactly (docs/operations.md, "History retention").
    /// </summary>
    private const int SnapshotsKept = 3;

    /// <summary>Goes into the next transaction shared by every script of this app instance (group commit, see <see cref="UpdateLogWriter"/>).</summary>
    public Task AppendAsync(Guid scriptId, IReadOnlyList<LoggedUpdate> updates, CancellationToken cancellationToken) =>
        writer.AppendAsync(scriptId, updates, cancellationToken);

    public async Task<IReadOnlyList<LoggedUpdate>> ReadAsync(Guid scriptId, int fromVersion, int? toVersion, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ScriptUpdates.AsNoTracking().Where(u => u.ScriptId == scriptId && u.Version >= fromVersion);
        if (toVersion is int to) query = query.Where(u => u.Version < to);
        var rows = await query.OrderBy(u => u.Version)
            .Select(u => new { u.Version, u.ClientId, u.UserId, u.Changes, u.At })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new LoggedUpdate(r.Version, new CollabUpdate(r.ClientId, ChangeSet.FromJson(r.Changes)), r.UserId, r.At)).ToList();
    }

    /// <summary>
    /// The script's text with every acknowledged edit: the copy in its <c>scripts</c> row (<paramref name="storedText"/>
    /// at <paramref name="storedVersion"/>, written every few seconds by whichever instance holds the live session)
    /// with the logged updates after it applied. Needs no session, so it is right on any instance.
    /// </summary>
    public async Task<string> LatestTextAsync(Guid scriptId, string storedText, int storedVersion, CancellationToken cancellationToken) =>
        DocumentSession.Replay(scriptId, storedText, storedVersion, await ReadAsync(scriptId, storedVersion, null, cancellationToken)).Text;

    public async Task SaveSnapshotAsync(Guid scriptId, int version, string text, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await InsertSnapshotAsync(db, scriptId, version, text, cancellationToken);
        var keepFrom = await db.ScriptSnapshots.Where(s => s.ScriptId == scriptId)
            .OrderByDescending(s => s.Version).Skip(SnapshotsKept - 1).Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken);
        if (keepFrom is int oldest)
        {
            var first = await db.ScriptSnapshots.Where(s => s.ScriptId == scriptId).MinAsync(s => s.Version, cancellationToken);
            await db.ScriptSnapshots.Where(s => s.ScriptId == scriptId && s.Version < oldest && s.Version > first).ExecuteDeleteAsync(cancellationToken);
        }
        // The script row follows the snapshots too, so lists and exports see text at most one interval old.
        await db.Scripts.Where(s => s.Id == scriptId && s.Version < version)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Text, text).SetProperty(s => s.Version, version), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The newest snapshot of a script. A script that was never edited live gets its first snapshot (version 0)
    /// from its stored text now, so every instance, and every later open, starts the log from the same text.
    /// Null when there is no such script.
    /// </summary>
    public async Task<ScriptSnapshot?> LatestSnapshotAsync(Guid scriptId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.ScriptSnapshots.AsNoTracking().Where(s => s.ScriptId == scriptId)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null) return latest;

        var script = await db.Scripts.AsNoTracking().Where(s => s.Id == scriptId)
            .Select(s => new { s.Text, s.Version }).SingleOrDefaultAsync(cancellationToken);
        if (script is null) return null;
        // ON CONFLICT DO NOTHING: when two instances race here, both go on with whichever row was first.
        await InsertSnapshotAsync(db, scriptId, script.Version, script.Text, cancellationToken);
        return await db.ScriptSnapshots.AsNoTracking().Where(s => s.ScriptId == scriptId)
            .OrderByDescending(s => s.Version).FirstAsync(cancellationToken);
    }

    /// <summary>Copies a session's text into the script row, unless a newer version is there already.</summary>
    public async Task SaveTextAsync(Guid scriptId, int version, string text, int? pageCount, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var rows = db.Scripts.Where(s => s.Id == scriptId && s.Version < version);
        if (pageCount is int pages)
        {
            await rows.ExecuteUpdateAsync(u => u.SetProperty(s => s.Text, text).SetProperty(s => s.Version, version)
                .SetProperty(s => s.UpdatedAt, now).SetProperty(s => s.PageCount, pages), cancellationToken);
        }
        else
        {
            await rows.ExecuteUpdateAsync(u => u.SetProperty(s => s.Text, text).SetProperty(s => s.Version, version)
                .SetProperty(s => s.UpdatedAt, now), cancellationToken);
        }
    }

    private static Task<int> InsertSnapshotAsync(ScreenplayDbContext db, Guid scriptId, int version, string text, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO script_snapshots (script_id, version, text, at) VALUES ({scriptId}, {version}, {text}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
            cancellationToken);
}
