using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Screenplay.Fountain.Revisions;
using Screenplay.Fountain.Text;
using Screenplay.Web.Data;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Revisions;

/// <summary>
/// Writes a script's checkpoints from its edit log: one every <see cref="RevisionsOptions.CheckpointEvery"/>
/// updates, one after a pause in editing, and on demand (a named draft, a restore). Each says who edited and what
/// changed since the one before (scenes touched, words added and removed). Works from the log alone, so any app
/// instance may write them; the unique (script, version) index keeps a point from being written twice.
/// </summary>
internal sealed partial class Checkpoints(
    IDbContextFactory<ScreenplayDbContext> dbFactory,
    IOptions<RevisionsOptions> options,
    TimeProvider time,
    ILogger<Checkpoints> logger)
{
    /// <summary>Scripts whose log has moved past their newest checkpoint.</summary>
    public async Task<List<Guid>> ScriptsBehindAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQuery<Guid>($"""
            SELECT s.id AS "Value" FROM scripts s
            JOIN LATERAL (SELECT u.version FROM script_updates u WHERE u.script_id = s.id ORDER BY u.version DESC LIMIT 1) h ON true
            WHERE s.deleted_at IS NULL
              AND h.version + 1 > COALESCE((SELECT max(c.version) FROM script_checkpoints c WHERE c.script_id = s.id), -1)
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the checkpoints that are due for one script. With <paramref name="now"/> set (a draft, a restore) the
    /// head of the log gets a checkpoint of that kind whatever the pause. Returns the newest checkpoint's version.
    /// </summary>
    public async Task<int> WriteDueAsync(Guid scriptId, string? now = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.ScriptCheckpoints.AsNoTracking().Where(c => c.ScriptId == scriptId)
            .OrderByDescending(c => c.Version).Select(c => new { c.Version, c.Text }).FirstOrDefaultAsync(cancellationToken);
        int lastVersion;
        string lastText;
        if (last is null)
        {
            // The first checkpoint: where the history starts (the oldest stored text).
            var start = await StartAsync(db, scriptId, cancellationToken);
            if (start is null) return -1;
            (lastVersion, lastText) = start.Value;
            await InsertAsync(db, new ScriptCheckpoint
            {
                ScriptId = scriptId, Version = lastVersion, At = time.GetUtcNow(), Kind = "start", Text = lastText,
            }, cancellationToken);
        }
        else
        {
            (lastVersion, lastText) = (last.Version, last.Text);
        }

        var updates = await db.ScriptUpdates.AsNoTracking()
            .Where(u => u.ScriptId == scriptId && u.Version >= lastVersion)
            .OrderBy(u => u.Version).Select(u => new { u.Version, u.UserId, u.Changes, u.At })
            .ToListAsync(cancellationToken);

        var every = Math.Max(1, options.Value.CheckpointEvery);
        var buffer = new TextBuffer(lastText);
        var authors = new HashSet<string>();
        var version = lastVersion;
        DateTimeOffset lastAt = default;
        foreach (var update in updates)
        {
            if (update.Version != version) break; // a gap: stop at what is known
            ChangeSet.FromJson(update.Changes).ApplyTo(buffer);
            version++;
            lastAt = update.At;
            if (update.UserId is not null) authors.Add(update.UserId);
            if (version - lastVersion >= every)
            {
                lastText = await WriteAsync(db, scriptId, version, lastAt, "every", lastText, buffer.ToString(), authors, cancellationToken);
                lastVersion = version;
                authors.Clear();
            }
        }

        var paused = time.GetUtcNow() - lastAt >= options.Value.CheckpointPause;
        if (version > lastVersion && (paused || now is not null))
        {
            await WriteAsync(db, scriptId, version, lastAt, now ?? "pause", lastText, buffer.ToString(), authors, cancellationToken);
            lastVersion = version;
        }

        return lastVersion;
    }

    private async Task<string> WriteAsync(ScreenplayDbContext db, Guid scriptId, int version, DateTimeOffset at, string kind,
        string before, string after, HashSet<string> authors, CancellationToken cancellationToken)
    {
        var comparison = SceneComparer.Compare(FountainText.Parse(before), FountainText.Parse(after));
        await InsertAsync(db, new ScriptCheckpoint
        {
            ScriptId = scriptId,
            Version = version,
            At = at,
            Kind = kind,
            Text = after,
            AuthorIds = [.. authors.Order(StringComparer.Ordinal)],
            ScenesTouched = [.. comparison.Touched.Select(s => s.IsOpening ? "(title page and opening)" : s.Heading).Distinct().Take(50)],
            WordsAdded = comparison.WordsAdded,
            WordsRemoved = comparison.WordsRemoved,
        }, cancellationToken);
        return after;
    }

    private async Task InsertAsync(ScreenplayDbContext db, ScriptCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        db.ScriptCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogWritten(checkpoint.ScriptId, checkpoint.Version, checkpoint.Kind);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another instance (or a concurrent draft) wrote this point first: same log, same text.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The oldest stored text of a script: the first editor snapshot, else its row (never edited live).</summary>
    private static async Task<(int Version, string Text)?> StartAsync(ScreenplayDbContext db, Guid scriptId, CancellationToken cancellationToken)
    {
        var snapshot = await db.ScriptSnapshots.AsNoTracking().Where(s => s.ScriptId == scriptId)
            .OrderBy(s => s.Version).Select(s => new { s.Version, s.Text }).FirstOrDefaultAsync(cancellationToken);
        if (snapshot is not null) return (snapshot.Version, snapshot.Text);
        var row = await db.Scripts.AsNoTracking().Where(s => s.Id == scriptId)
            .Select(s => new { s.Version, s.Text }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Version, row.Text);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Script {ScriptId}: checkpoint at version {Version} ({Kind})")]
    private partial void LogWritten(Guid scriptId, int version, string kind);
}

/// <summary>Looks for scripts with new updates every <see cref="RevisionsOptions.ScanInterval"/> and writes their due checkpoints.</summary>
internal sealed partial class CheckpointWorker(Checkpoints checkpoints, Drafts drafts, IDbContextFactory<ScreenplayDbContext> dbFactory,
    IOptions<RevisionsOptions> options, ILogger<CheckpointWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var scriptId in await checkpoints.ScriptsBehindAsync(stoppingToken))
                {
                    await checkpoints.WriteDueAsync(scriptId, cancellationToken: stoppingToken);
                    await NumberAfterPauseAsync(scriptId, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    /// <summary>
    /// With scene numbers locked, a pause in editing (the newest checkpoint is a pause at the head of the log) letters
    /// the new scenes typed since, as "Number new scenes" would.
    /// </summary>
    private async Task NumberAfterPauseAsync(Guid scriptId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.SceneNumberLocks.AnyAsync(l => l.ScriptId == scriptId, cancellationToken)) return;
        var newest = await db.ScriptCheckpoints.AsNoTracking().Where(c => c.ScriptId == scriptId).OrderByDescending(c => c.Version)
            .Select(c => new { c.Version, c.Kind, c.Text }).FirstOrDefaultAsync(cancellationToken);
        if (newest is not { Kind: "pause" } || newest.Version != await ScriptHistory.HeadVersionAsync(db, scriptId, cancellationToken)) return;
        await drafts.NumberSettledScenesAsync(scriptId, newest.Text);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing checkpoints failed; trying again at the next scan")]
    private partial void LogFailed(Exception exception);
}
