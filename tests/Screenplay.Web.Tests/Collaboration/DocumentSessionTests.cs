using System.Text.Json;
using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Tests.Collaboration;

public sealed class DocumentSessionTests
{
    private static readonly Guid Script = Guid.NewGuid();

    private static CollabUpdate Insert(string client, int at, string text, int length) =>
        new(client, ChangeSet.Of(at, at, text, length));

    private static (DocumentSession Session, InMemoryUpdateLog Log, List<CommittedUpdates> Broadcasts) Open(string text, DocumentSessionOptions? options = null)
    {
        var log = new InMemoryUpdateLog();
        var session = DocumentSession.Create(Script, text, 0, log, options);
        var broadcasts = new List<CommittedUpdates>();
        session.Committed = c =>
        {
            lock (broadcasts) broadcasts.Add(c);
            return Task.CompletedTask;
        };
        return (session, log, broadcasts);
    }

    [Fact]
    public async Task A_push_is_neither_acknowledged_nor_broadcast_nor_applied_before_the_log_has_it()
    {
        var (session, log, broadcasts) = Open("FADE IN:");
        var write = new TaskCompletionSource();
        log.Hold = write.Task;

        var push = session.PushAsync(0, [Insert("a", 8, "\n\nINT. HOUSE", 8)]);
        await Task.Delay(50);

        Assert.False(push.IsCompleted);
        Assert.Empty(broadcasts);
        Assert.Equal(new DocumentSnapshot(0, "FADE IN:"), session.GetSnapshot());
        Assert.Equal(0, log.Count(Script));

        write.SetResult();
        var result = await push;

        Assert.Equal(new PushResult(true, 1), result);
        Assert.Equal(1, log.Count(Script));
        Assert.Equal(new DocumentSnapshot(1, "FADE IN:\n\nINT. HOUSE"), session.GetSnapshot());
        var broadcast = Assert.Single(broadcasts);
        Assert.Equal(0, broadcast.FromVersion);
        Assert.Equal("a", Assert.Single(broadcast.Updates).ClientId);
    }

    [Fact]
    public async Task Pushes_that_arrive_while_a_write_is_in_flight_are_written_in_one_transaction()
    {
        string start = new('.', 40);
        var (session, log, broadcasts) = Open(start);
        var write = new TaskCompletionSource();
        log.Hold = write.Task;
        var first = session.PushAsync(0, [Insert("a", 0, "x", 40)]);
        await Task.Delay(50);
        // Ten typists in different places push against version 0 while the first write waits; the session rebases them.
        var rest = Enumerable.Range(0, 10).Select(i => session.PushAsync(0, [Insert($"c{i}", 3 + 3 * i, i.ToString(), 40)])).ToList();
        await Task.Delay(50);
        write.SetResult();

        Assert.True((await first).Accepted);
        Assert.All(await Task.WhenAll(rest), r => Assert.True(r.Accepted));
        Assert.Equal([1, 10], log.AppendSizes);
        Assert.Equal(11, session.Version);
        Assert.Equal("x..." + string.Concat(Enumerable.Range(0, 10).Select(i => i + "...")) + ".......", session.GetSnapshot().Text);
        Assert.Equal(log.Replay(Script, start), session.GetSnapshot().Text);
        Assert.Equal(2, broadcasts.Count);
    }

    [Fact]
    public async Task A_push_based_on_an_older_version_is_rebased_over_what_it_missed()
    {
        var (session, _, _) = Open("bcd");
        Assert.True((await session.PushAsync(0, [Insert("a", 0, "a", 3)])).Accepted);

        // Client b typed "e" at the end of version 0's "bcd" without having seen "a".
        var result = await session.PushAsync(0, [Insert("b", 3, "e", 3)]);

        Assert.Equal(new PushResult(true, 2), result);
        Assert.Equal("abcde", session.GetSnapshot().Text);
    }

    [Fact]
    public async Task A_repeated_push_is_not_applied_twice()
    {
        var (session, log, _) = Open("--");
        var updates = new[] { Insert("a", 0, "x", 2), Insert("a", 1, "y", 3) };
        Assert.True((await session.PushAsync(0, updates)).Accepted);
        Assert.True((await session.PushAsync(0, [Insert("b", 2, "z", 2)])).Accepted);

        // The acknowledgement was lost; the client sends the same updates again from its old version.
        var again = await session.PushAsync(0, updates);

        Assert.Equal(new PushResult(true, 3), again);
        Assert.Equal(3, log.Count(Script));
        Assert.Equal("xy--z", session.GetSnapshot().Text);
    }

    public static TheoryData<string, int, string, string> BadPushes => new()
    {
        { "a range past the end", 1, """[{"clientId":"a","changes":[[9,"x"]]}]""", "length" },
        { "a range before the start", 1, """[{"clientId":"a","changes":[-1,[0,"x"]]}]""", "not a length" },
        { "a future version", 5, """[{"clientId":"a","changes":[[0,"x"],4]}]""", "newer" },
        { "a negative version", -1, """[{"clientId":"a","changes":[[0,"x"],4]}]""", "negative" },
        { "malformed change JSON", 1, """[{"clientId":"a","changes":{"oops":1}}]""", "ChangeSet" },
        { "not an array", 1, """{"clientId":"a"}""", "array" },
        { "no client id", 1, """[{"changes":[[0,"x"],4]}]""", "clientId" },
        { "an empty client id", 1, """[{"clientId":"","changes":[[0,"x"],4]}]""", "client id" },
        { "two clients in one push", 1, """[{"clientId":"a","changes":[[0,"x"],4]},{"clientId":"b","changes":[[0,"y"],5]}]""", "one client" },
        { "updates that do not chain", 1, """[{"clientId":"a","changes":[[0,"x"],4]},{"clientId":"a","changes":[[0,"y"],4]}]""", "previous update" },
        { "an oversized insertion", 1, """[{"clientId":"a","changes":[[0,"0123456789abc"],4]}]""", "at most" },
        { "too many updates", 1, "[" + string.Join(",", Enumerable.Range(0, 6).Select(i => $$"""{"clientId":"a","changes":[[0,"x"],{{4 + i}}]}""")) + "]", "too many" },
    };

    [Theory]
    [MemberData(nameof(BadPushes))]
    public async Task A_bad_push_is_rejected_with_an_error_and_changes_nothing(string what, int version, string json, string errorPart)
    {
        var options = new DocumentSessionOptions { MaxInsertedPerPush = 12, MaxUpdatesPerPush = 5 };
        var (session, log, broadcasts) = Open("", options);
        Assert.True((await session.PushAsync(0, [Insert("z", 0, "HEY!", 0)])).Accepted);
        broadcasts.Clear();

        using var doc = JsonDocument.Parse(json);
        var result = await session.PushAsync(version, doc.RootElement);

        Assert.False(result.Accepted, what);
        Assert.Contains(errorPart, result.Error);
        Assert.Equal(new DocumentSnapshot(1, "HEY!"), session.GetSnapshot());
        Assert.Equal(1, log.Count(Script));
        Assert.Empty(broadcasts);
        // The session still works afterwards.
        Assert.True((await session.PushAsync(1, [Insert("z", 4, "!", 4)])).Accepted);
    }

    [Fact]
    public async Task A_push_older_than_the_tail_is_refused_so_the_client_pulls_and_rebases()
    {
        var (session, _, _) = Open("", new DocumentSessionOptions { TailCapacity = 4, MaxRebaseDistance = 4 });
        for (int i = 0; i < 10; i++) Assert.True((await session.PushAsync(i, [Insert("a", i, "x", i)])).Accepted);

        var result = await session.PushAsync(2, [Insert("b", 0, "y", 2)]);

        Assert.False(result.Accepted);
        Assert.Contains("too old", result.Error);
        Assert.Equal(10, session.Version);
    }

    [Fact]
    public async Task A_failed_write_refuses_the_push_and_loses_nothing_already_accepted()
    {
        var (session, log, broadcasts) = Open("a");
        Assert.True((await session.PushAsync(0, [Insert("a", 1, "b", 1)])).Accepted);
        log.FailNext = new IOException("database gone");

        var failed = await session.PushAsync(1, [Insert("a", 2, "c", 2)]);

        Assert.False(failed.Accepted);
        Assert.Contains("could not be saved", failed.Error);
        Assert.Equal(new DocumentSnapshot(1, "ab"), session.GetSnapshot());
        Assert.Single(broadcasts);
        Assert.True((await session.PushAsync(1, [Insert("a", 2, "c", 2)])).Accepted);
        Assert.Equal("abc", log.Replay(Script, "a"));
    }

    [Fact]
    public async Task Pulls_older_than_the_tail_are_served_from_the_log()
    {
        var (session, _, _) = Open("", new DocumentSessionOptions { TailCapacity = 4, MaxRebaseDistance = 4 });
        for (int i = 0; i < 20; i++) Assert.True((await session.PushAsync(i, [Insert("a", i, ((char)('a' + i)).ToString(), i)])).Accepted);

        var pull = await session.PullAsync(3);

        Assert.Null(pull.Error);
        Assert.Equal(20, pull.Version);
        Assert.Equal(17, pull.Updates.Count);
        string text = "abc";
        foreach (var update in pull.Updates) text = update.Changes.Apply(text);
        Assert.Equal(session.GetSnapshot().Text, text);
        Assert.NotNull((await session.PullAsync(21)).Error);
    }

    [Fact]
    public async Task Reopening_from_a_snapshot_replays_the_rest_of_the_log()
    {
        var (session, log, _) = Open("", new DocumentSessionOptions { SnapshotEvery = 7 });
        for (int i = 0; i < 10; i++) Assert.True((await session.PushAsync(i, [Insert("a", 0, i.ToString(), i)])).Accepted);
        await session.DisposeAsync();
        var snapshot = log.Snapshot(Script);
        Assert.Equal(7, snapshot?.Version);

        await using var reopened = await DocumentSession.OpenAsync(Script, snapshot!.Value.Text, snapshot.Value.Version, log);

        Assert.Equal(new DocumentSnapshot(10, "9876543210"), reopened.GetSnapshot());
        Assert.Equal(3, (await reopened.PullAsync(7)).Updates.Count);
    }

    [Fact]
    public async Task Two_sessions_on_one_log_never_take_the_same_version_and_end_with_the_same_text()
    {
        // Two app instances serving one script: the log's unique versions decide, the loser catches up and rebases.
        var log = new InMemoryUpdateLog();
        await using var first = DocumentSession.Create(Script, ", ", 0, log);
        await using var second = DocumentSession.Create(Script, ", ", 0, log);

        Assert.True((await first.PushAsync(0, [Insert("a", 0, "hello", 2)])).Accepted);
        var late = await second.PushAsync(0, [Insert("b", 2, "world", 2)]);

        Assert.True(late.Accepted);
        Assert.Equal(2, late.Version);
        // A client of the first instance heard of version 2 through the scale-out backplane and asks for it.
        var pulled = await first.PullAsync(2);
        Assert.Null(pulled.Error);
        Assert.Equal(2, pulled.Version);
        Assert.Equal(second.GetSnapshot(), first.GetSnapshot());
        Assert.Equal("hello, world", first.GetSnapshot().Text);
        Assert.Equal(log.Replay(Script, ", "), first.GetSnapshot().Text);
    }

    [Fact]
    public async Task A_stale_push_meeting_a_concurrent_edit_at_the_same_place_leaves_the_pusher_with_the_servers_text()
    {
        var (session, _, _) = Open("INT. HOUSE");
        // a replaces HOUSE by deleting it and then typing BARN: two updates b has not seen.
        Assert.True((await session.PushAsync(0, [new CollabUpdate("a", ChangeSet.Of(5, 10, "", 10))])).Accepted);
        Assert.True((await session.PushAsync(1, [Insert("a", 5, "BARN", 5)])).Accepted);
        var client = new CollabClient("b", "INT. HOUSE", 0);
        client.Edit(ChangeSet.Of(5, 5, "OLD ", 10));

        // b types at the very place: mapped over both updates at once "OLD " would land before "BARN", one at a
        // time after it. Server and client must make the same choice (one at a time, like the browser).
        var result = await session.PushAsync(0, client.Unconfirmed.ToList());
        client.Receive(0, (await session.PullAsync(0)).Updates);

        Assert.True(result.Accepted);
        Assert.Empty(client.Unconfirmed);
        Assert.Equal(session.GetSnapshot().Text, client.Text);
        Assert.Equal("INT. BARNOLD ", client.Text);
    }
}
