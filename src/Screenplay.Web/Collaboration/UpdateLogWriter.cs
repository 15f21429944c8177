using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Screenplay.Web.Data;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// Group commit across scripts: the updates every open script asks to log while a write is running go into the next
/// write, one transaction (one WAL flush) for all of them, instead of one transaction per script. A thousand typists
/// on two hundred scripts are then a few hundred commits a second instead of a thousand, with no added wait: a
/// write starts as soon as the one before it ends.
/// <para>
/// Each script's updates are still all or none, and version order per script is still decided by the primary key
/// (script, version): a script whose version another app instance took gets <see cref="UpdateConflictException"/>
/// and none of its rows are kept, while the other scripts of the same transaction commit. A batch that fails for
/// another reason (a script deleted meanwhile, a deadlock) is written again one script per transaction, so one bad
/// script never fails the others. Nothing is reported done before its transaction has committed.
/// </para>
/// </summary>
internal sealed partial class UpdateLogWriter : IAsyncDisposable
{
    /// <summary>Rows written in one transaction at most; more waiting go into the next one.</summary>
    public const int MaxRowsPerTransaction = 4000;

    // Rows go in sorted by script, so two instances writing overlapping batches take the key locks in the same
    // order and cannot deadlock each other. DO NOTHING keeps a taken version from aborting the whole transaction;
    // RETURNING says which rows went in.
    private const string InsertSql = """
        INSERT INTO script_updates (script_id, version, client_id, user_id, changes, at)
        SELECT r.script_id, r.version, r.client_id, r.user_id, r.changes::json, r.at
        FROM unnest($1::uuid[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
             AS r(script_id, version, client_id, user_id, changes, at)
        ON CONFLICT (script_id, version) DO NOTHING
        RETURNING script_id, version
        """;

    // Takes back, inside the same transaction, the rows of scripts that lost a version: their appends are all or none.
    private const string DeleteSql = """
        DELETE FROM script_updates u USING unnest($1::uuid[], $2::integer[]) AS r(script_id, version)
        WHERE u.script_id = r.script_id AND u.version = r.version
        """;

    private readonly IDbContextFactory<ScreenplayDbContext> dbFactory;
    private readonly ILogger<UpdateLogWriter> logger;
    private readonly Channel<Append> queue = Channel.CreateUnbounded<Append>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;
    private long transactions;

    public UpdateLogWriter(IDbContextFactory<ScreenplayDbContext> dbFactory, ILogger<UpdateLogWriter> logger)
    {
        this.dbFactory = dbFactory;
        this.logger = logger;
        loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Transactions committed or tried so far (for tests and diagnostics).</summary>
    public long Transactions => Interlocked.Read(ref transactions);

    /// <summary>
    /// Logs <paramref name="updates"/> of one script (consecutive versions) in the next group transaction; returns
    /// once that transaction has committed.
    /// </summary>
    /// <exception cref="UpdateConflictException">One of these versions is already taken; none of them was stored.</exception>
    public Task AppendAsync(Guid scriptId, IReadOnlyList<LoggedUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0) return Task.CompletedTask;
        var append = new Append(scriptId, updates);
        if (!queue.Writer.TryWrite(append)) throw new ObjectDisposedException(nameof(UpdateLogWriter), "The update log is shutting down.");
        return append.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what is queued and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task WriteLoopAsync()
    {
        var reader = queue.Reader;
        var batch = new List<Append>();
        var inBatch = new HashSet<Guid>();
        var deferred = new List<Append>();
        while (deferred.Count > 0 || await reader.WaitToReadAsync())
        {
            batch.Clear();
            inBatch.Clear();
            int rows = 0;
            // One append per script per transaction, so the rows that came back say whose they are. A session has
            // only one append out at a time; a second one for a script is rare (a session unloaded and reopened).
            var waiting = deferred.ToList();
            deferred.Clear();
            foreach (var append in waiting) Take(append);
            while (rows < MaxRowsPerTransaction && reader.TryRead(out var append)) Take(append);
            await WriteAsync(batch);

            void Take(Append append)
            {
                if (rows >= MaxRowsPerTransaction || !inBatch.Add(append.ScriptId))
                {
                    deferred.Add(append);
                    return;
                }
                batch.Add(append);
                rows += append.Updates.Count;
            }
        }
    }

    /// <summary>Writes one batch (at most one append per script) and completes each append with its outcome.</summary>
    internal async Task WriteAsync(IReadOnlyList<Append> batch)
    {
        try
        {
            var conflicted = await InsertAsync(batch);
            foreach (var append in batch)
            {
                if (conflicted.Contains(append.ScriptId))
                    append.Done.TrySetException(new UpdateConflictException($"Script {append.ScriptId}: a version from {append.Updates[0].Version} is already taken."));
                else
                    append.Done.TrySetResult();
            }
        }
        catch (Exception e) when (batch.Count > 1 && e is PostgresException)
        {
            // Something in one script's rows (say, a script deleted meanwhile) failed the shared transaction: find out
            // whose, so the others are saved all the same.
            LogBatchFailed(e, batch.Count);
            foreach (var append in batch) await WriteAsync([append]);
        }
        catch (Exception e)
        {
            // The database is unreachable or the rows of a single script are refused: the sessions refuse their pushes.
            foreach (var append in batch) append.Done.TrySetException(e);
        }
    }

    /// <summary>One transaction for the batch; returns the scripts that lost a version (none of whose rows were kept).</summary>
    private async Task<HashSet<Guid>> InsertAsync(IReadOnlyList<Append> batch)
    {
        var ordered = batch.OrderBy(a => a.ScriptId).ToList();
        int rows = ordered.Sum(a => a.Updates.Count);
        var scriptIds = new Guid[rows];
        var versions = new int[rows];
        var clientIds = new string[rows];
        var userIds = new string?[rows];
        var changes = new string[rows];
        var at = new DateTime[rows];
        int i = 0;
        foreach (var append in ordered)
        {
            foreach (var update in append.Updates)
            {
                scriptIds[i] = append.ScriptId;
                versions[i] = update.Version;
                clientIds[i] = update.Update.ClientId;
                userIds[i] = update.UserId;
                changes[i] = update.Update.Changes.ToJson();
                at[i] = update.At.UtcDateTime;
                i++;
            }
        }

        Interlocked.Increment(ref transactions);
        await using var db = await dbFactory.CreateDbContextAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // The versions each script got in; a script with fewer than it asked for lost one to another writer.
        var inserted = new Dictionary<Guid, List<int>>();
        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = scriptIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter { Value = clientIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = userIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = changes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = at, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            await using var reader = await insert.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var scriptId = reader.GetGuid(0);
                if (!inserted.TryGetValue(scriptId, out var got)) inserted[scriptId] = got = [];
                got.Add(reader.GetInt32(1));
            }
        }

        var conflicted = ordered.Where(a => (inserted.GetValueOrDefault(a.ScriptId)?.Count ?? 0) < a.Updates.Count).Select(a => a.ScriptId).ToHashSet();
        var takeBack = conflicted.Where(inserted.ContainsKey).SelectMany(id => inserted[id].Select(version => (ScriptId: id, Version: version))).ToList();
        if (takeBack.Count > 0)
        {
            // Exactly the rows this transaction put in for those scripts; the versions the other writer holds stay its own.
            await using var delete = new NpgsqlCommand(DeleteSql, connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter { Value = takeBack.Select(r => r.ScriptId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            delete.Parameters.Add(new NpgsqlParameter { Value = takeBack.Select(r => r.Version).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            await delete.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return conflicted;
    }

    /// <summary>One script's request to log consecutive updates.</summary>
    internal sealed record Append(Guid ScriptId, IReadOnlyList<LoggedUpdate> Updates)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the updates of {Count} scripts in one transaction failed; writing them one script at a time")]
    private partial void LogBatchFailed(Exception exception, int count);
}
