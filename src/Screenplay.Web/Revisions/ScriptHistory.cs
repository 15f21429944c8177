using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Text;
using Screenplay.Web.Data;

namespace Screenplay.Web.Revisions;

/// <summary>
/// Reads any point of a script's history: the nearest stored text at or before the version (a checkpoint, or the
/// live editor's snapshot) plus the logged updates after it, replayed on a gap buffer. With a checkpoint every
/// <see cref="RevisionsOptions.CheckpointEvery"/> updates a point costs one indexed read of that many rows at most.
/// </summary>
internal sealed class ScriptHistory(IDbContextFactory<ScreenplayDbContext> dbFactory)
{
    /// <summary>The version after the last logged update (what the live editor is at, as far as the log knows).</summary>
    public async Task<int> HeadVersionAsync(Guid scriptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await HeadVersionAsync(db, scriptId, cancellationToken);
    }

    internal static async Task<int> HeadVersionAsync(ScreenplayDbContext db, Guid scriptId, CancellationToken cancellationToken)
    {
        var last = await db.ScriptUpdates.Where(u => u.ScriptId == scriptId).MaxAsync(u => (int?)u.Version, cancellationToken);
        if (last is int v) return v + 1;
        var row = await db.Scripts.Where(s => s.Id == scriptId).Select(s => (int?)s.Version).SingleOrDefaultAsync(cancellationToken);
        return row ?? 0;
    }

    /// <summary>The text at <paramref name="version"/>, or null when the history does not reach that point.</summary>
    public async Task<string?> TextAtAsync(Guid scriptId, int version, CancellationToken cancellationToken = default)
    {
        if (version < 0) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var start = await BaseAtAsync(db, scriptId, version, cancellationToken);
        if (start is null) return null;
        var (baseVersion, baseText) = start.Value;
        if (baseVersion == version) return baseText;

        var changes = await db.ScriptUpdates.AsNoTracking()
            .Where(u => u.ScriptId == scriptId && u.Version >= baseVersion && u.Version < version)
            .OrderBy(u => u.Version).Select(u => u.Changes).ToListAsync(cancellationToken);
        if (changes.Count != version - baseVersion) return null;
        return Replay(baseText, changes);
    }

    /// <summary>Applies logged change sets (JSON) in order to <paramref name="text"/>.</summary>
    internal static string Replay(string text, IEnumerable<string> changes)
    {
        var buffer = new TextBuffer(text);
        foreach (var json in changes)
        {
            ChangeSet.FromJson(json).ApplyTo(buffer);
        }

        return buffer.ToString();
    }

    /// <summary>The newest stored text at or before <paramref name="version"/>: checkpoint, editor snapshot or the untouched script row.</summary>
    private static async Task<(int Version, string Text)?> BaseAtAsync(ScreenplayDbContext db, Guid scriptId, int version, CancellationToken cancellationToken)
    {
        var checkpoint = await db.ScriptCheckpoints.AsNoTracking()
            .Where(c => c.ScriptId == scriptId && c.Version <= version)
            .OrderByDescending(c => c.Version).Select(c => new { c.Version, c.Text }).FirstOrDefaultAsync(cancellationToken);
        var after = checkpoint?.Version ?? -1;
        var snapshot = await db.ScriptSnapshots.AsNoTracking()
            .Where(s => s.ScriptId == scriptId && s.Version <= version && s.Version > after)
            .OrderByDescending(s => s.Version).Select(s => new { s.Version, s.Text }).FirstOrDefaultAsync(cancellationToken);
        if (snapshot is not null) return (snapshot.Version, snapshot.Text);
        if (checkpoint is not null) return (checkpoint.Version, checkpoint.Text);

        // A script never edited live: its row holds the text at its version.
        var row = await db.Scripts.AsNoTracking().Where(s => s.Id == scriptId && s.Version <= version)
            .Select(s => new { s.Version, s.Text }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Version, row.Text);
    }
}
