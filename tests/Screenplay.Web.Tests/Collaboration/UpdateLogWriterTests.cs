using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>The group commit across scripts (<see cref="UpdateLogWriter"/>) against a real PostgreSQL.</summary>
public sealed class UpdateLogWriterTests(ScreenplayApp app) : IClassFixture<ScreenplayApp>
{
    private UpdateLogWriter NewWriter() =>
        new(app.Services.GetRequiredService<IDbContextFactory<ScreenplayDbContext>>(), NullLogger<UpdateLogWriter>.Instance);

    private async Task<(Guid Id, int Next, string UserId)> NewScriptAsync(TestUser owner)
    {
        var id = await owner.CreateScriptAsync("Log " + Guid.NewGuid().ToString("N")[..6]);
        await using var db = app.CreateDbContext();
        int next = (await db.ScriptUpdates.Where(u => u.ScriptId == id).MaxAsync(u => (int?)u.Version) ?? -1) + 1;
        return (id, next, owner.Id);
    }

    private static List<LoggedUpdate> Typing(int fromVersion, int count, string clientId, string? userId) =>
        Enumerable.Range(fromVersion, count)
            .Select(v => new LoggedUpdate(v, new CollabUpdate(clientId, ChangeSet.Of(0, 0, "x", v - fromVersion)), userId, DateTimeOffset.UtcNow))
            .ToList();

    private async Task<List<(int Version, string ClientId)>> LoggedAsync(Guid scriptId)
    {
        await using var db = app.CreateDbContext();
        return (await db.ScriptUpdates.Where(u => u.ScriptId == scriptId).OrderBy(u => u.Version)
            .Select(u => new { u.Version, u.ClientId }).ToListAsync()).Select(u => (u.Version, u.ClientId)).ToList();
    }

    [Fact]
    public async Task A_script_that_lost_a_version_keeps_none_of_its_rows_while_the_rest_of_the_transaction_commits()
    {
        var owner = await app.CreateUserAsync();
        var (lost, lostNext, userId) = await NewScriptAsync(owner);
        var (kept, keptNext, _) = await NewScriptAsync(owner);
        // Another app instance already holds the second of the three versions the first script is about to write.
        await using (var db = app.CreateDbContext())
        {
            db.ScriptUpdates.Add(new ScriptUpdate
            {
                ScriptId = lost, Version = lostNext + 1, ClientId = "other-instance", Changes = "[0,[0,\"y\"]]", At = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await using var writer = NewWriter();
        var lostAppend = new UpdateLogWriter.Append(lost, Typing(lostNext, 3, "mine", userId));
        var keptAppend = new UpdateLogWriter.Append(kept, Typing(keptNext, 2, "mine", userId));

        await writer.WriteAsync([lostAppend, keptAppend]);

        await Assert.ThrowsAsync<UpdateConflictException>(() => lostAppend.Done.Task);
        await keptAppend.Done.Task;
        Assert.Equal(1, writer.Transactions);
        // All or none per script: its first version went in with the batch and was taken back before the commit.
        Assert.Equal([(lostNext + 1, "other-instance")], (await LoggedAsync(lost)).Where(r => r.Version >= lostNext));
        Assert.Equal([(keptNext, "mine"), (keptNext + 1, "mine")], (await LoggedAsync(kept)).Where(r => r.Version >= keptNext));
    }

    [Fact]
    public async Task A_script_whose_rows_the_database_refuses_does_not_fail_the_others_of_its_batch()
    {
        var owner = await app.CreateUserAsync();
        var (script, next, userId) = await NewScriptAsync(owner);
        await using var writer = NewWriter();
        // No such script: the foreign key refuses its row, and with it the shared transaction.
        var missing = new UpdateLogWriter.Append(Guid.NewGuid(), Typing(0, 1, "ghost", null));
        var good = new UpdateLogWriter.Append(script, Typing(next, 2, "mine", userId));

        await writer.WriteAsync([missing, good]);

        await good.Done.Task;
        var refused = await Assert.ThrowsAsync<PostgresException>(() => missing.Done.Task);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.Equal([(next, "mine"), (next + 1, "mine")], (await LoggedAsync(script)).Where(r => r.Version >= next));
    }

    [Fact]
    public async Task Appends_that_arrive_while_a_write_runs_share_the_next_transaction_and_wait_for_its_commit()
    {
        var owner = await app.CreateUserAsync();
        var blocker = await NewScriptAsync(owner);
        var others = new List<(Guid Id, int Next, string UserId)>();
        for (int i = 0; i < 12; i++) others.Add(await NewScriptAsync(owner));
        await using var writer = NewWriter();

        // An uncommitted row of another writer holds the first write at the key lock of its version.
        await using var holder = new NpgsqlConnection(app.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO script_updates (script_id, version, client_id, changes, at) VALUES ($1, $2, 'other-instance', '[0,[0,\"y\"]]', now())", holder, held))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = blocker.Id });
            insert.Parameters.Add(new NpgsqlParameter { Value = blocker.Next });
            await insert.ExecuteNonQueryAsync();
        }
        var first = writer.AppendAsync(blocker.Id, Typing(blocker.Next, 1, "mine", blocker.UserId), CancellationToken.None);
        await CollaborationIntents.EventuallyAsync(() => writer.Transactions == 1, "the first write to start", TimeSpan.FromSeconds(10));
        var rest = others.Select(o => writer.AppendAsync(o.Id, Typing(o.Next, 2, "mine", o.UserId), CancellationToken.None)).ToList();
        await Task.Delay(200);
        Assert.All(rest, r => Assert.False(r.IsCompleted));

        await held.CommitAsync();

        await Assert.ThrowsAsync<UpdateConflictException>(() => first);
        await Task.WhenAll(rest);
        // The twelve scripts waiting behind the first write went in together.
        Assert.Equal(2, writer.Transactions);
        foreach (var o in others) Assert.Equal(2, (await LoggedAsync(o.Id)).Count(r => r.Version >= o.Next));
    }
}
