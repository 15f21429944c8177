using Screenplay.Fountain.Text;
using Screenplay.Traces;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>
/// Real concurrent typing (two or three people in one document) replayed through simulated clients and one
/// <see cref="DocumentSession"/>. Each recorded transaction is typed by its agent on exactly the document the
/// agent had seen (its recorded parents): the agent's client holds back what it has not been sent, and the others
/// push only when someone needs their work, so pushes keep arriving based on old versions and the server rebases
/// them. Reaching the trace's <c>endContent</c> shows server rebase and client rebase agree on every keystroke.
/// </summary>
public sealed class ConcurrentTraceReplayTests
{
    /// <summary>When each simulated typist sends what it typed.</summary>
    public enum Schedule
    {
        /// <summary>As soon as it types, in the order the trace lists the transactions.</summary>
        Eager,

        /// <summary>Only when another typist's next transaction was typed on top of it, and only that much.</summary>
        Lazy,

        /// <summary>
        /// Lazy, but when a typist needs work of a lower-numbered agent, that agent sends everything it has typed: where
        /// the two typed concurrent insertions at one position, agent 0's reaches the server first, which is the order the
        /// recording CRDT gave them.
        /// </summary>
        LowerAgentFirst,
    }

    /// <summary>
    /// Where the recorded text may differ. In friendsforever (transactions 22360-22368) agent 1 types " The" right after a
    /// "." while agent 0, not having seen that, deletes the "." and types ", hu" in its place: two concurrent insertions
    /// at one position. A central authority orders them by arrival (<see cref="Concurrent_insertions_at_one_position_go_in_the_order_they_reach_the_server"/>);
    /// the recording CRDT put agent 0's first. Sent in the trace's listing order (" The" is listed first) or only when
    /// needed, the 15 characters there come out in another order; with agent 0's work sent first, which the recorded
    /// causality allows, the replay ends exactly at endContent (docs/benchmarks.md).
    /// </summary>
    public static TheoryData<string, Schedule, int, int> Traces => new()
    {
        { "clownschool", Schedule.Eager, 0, 0 },
        { "clownschool", Schedule.Lazy, 0, 0 },
        { "clownschool", Schedule.LowerAgentFirst, 0, 0 },
        { "friendsforever", Schedule.Eager, 3795, 3810 },
        { "friendsforever", Schedule.Lazy, 3795, 3810 },
        { "friendsforever", Schedule.LowerAgentFirst, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Traces))]
    public async Task Replaying_real_concurrent_typing_through_the_session_reaches_the_recorded_text(string name, Schedule schedule, int tieFrom, int tieTo)
    {
        bool eager = schedule == Schedule.Eager;
        var trace = EditingTrace.Load(name);
        var log = new InMemoryUpdateLog();
        var scriptId = Guid.NewGuid();
        await using var session = DocumentSession.Create(scriptId, trace.StartContent, 0, log);
        int agents = trace.NumAgents;
        var clients = Enumerable.Range(0, agents).Select(a => new CollabClient($"agent{a}", trace.StartContent, 0)).ToArray();
        // landedAt[agent][n]: the server version right after that agent's n-th transaction was accepted.
        var landedAt = Enumerable.Range(0, agents).Select(_ => new List<int>()).ToArray();
        session.Committed = committed =>
        {
            int version = committed.FromVersion;
            foreach (var update in committed.Updates) landedAt[int.Parse(update.ClientId.AsSpan(5))].Add(++version);
            return Task.CompletedTask;
        };
        var pushed = new int[agents];       // transactions each agent has pushed so far
        var typed = new int[agents];        // transactions each agent has typed so far
        var seen = new int[trace.Transactions.Count][]; // per transaction: how many of each agent's transactions it had seen
        int rebasedPushes = 0;

        for (int t = 0; t < trace.Transactions.Count; t++)
        {
            var txn = trace.Transactions[t];
            int me = txn.Agent;
            seen[t] = Knowledge(trace, seen, txn);
            Assert.Equal(typed[me], seen[t][me]);

            // Bring the typist's document to exactly what it had seen: the others push what is needed, then the
            // typist takes in the server's stream up to the last of those.
            int needVersion = clients[me].Version;
            for (int other = 0; other < agents; other++)
            {
                if (other == me || seen[t][other] == 0) continue;
                if (pushed[other] < seen[t][other])
                {
                    var client = clients[other];
                    int alreadySent = client.Unconfirmed.Count - (typed[other] - pushed[other]);
                    int upTo = schedule == Schedule.LowerAgentFirst && other < me ? typed[other] : seen[t][other];
                    var send = client.Unconfirmed.Take(alreadySent + upTo - pushed[other]).ToList();
                    if (client.Version < session.Version) rebasedPushes++;
                    var result = await session.PushAsync(client.Version, send);
                    Assert.True(result.Accepted, result.Error);
                    pushed[other] = upTo;
                }
                needVersion = Math.Max(needVersion, landedAt[other][seen[t][other] - 1]);
            }
            var typist = clients[me];
            if (needVersion > typist.Version)
            {
                var pull = await session.PullAsync(typist.Version);
                typist.Receive(typist.Version, pull.Updates.Take(needVersion - typist.Version).ToList());
            }

            ChangeSet? changes = null;
            int length = typist.Length;
            foreach (var patch in txn.Patches)
            {
                var step = ChangeSet.Of(patch.Position, patch.Position + patch.Deleted, patch.Inserted, length);
                changes = changes is null ? step : changes.Compose(step);
                length = step.NewLength;
            }
            typist.Edit(changes!);
            typed[me]++;
            if (eager)
            {
                if (typist.Version < session.Version) rebasedPushes++;
                var r = await session.PushAsync(typist.Version, typist.Unconfirmed.ToList());
                Assert.True(r.Accepted, r.Error);
                pushed[me] = typed[me];
            }
        }

        // Everyone catches up (as a client does whose push was refused as too old), sends the rest, and catches up again.
        foreach (var client in clients)
        {
            var pull = await session.PullAsync(client.Version);
            client.Receive(client.Version, pull.Updates);
            if (client.Unconfirmed.Count > 0)
            {
                var result = await session.PushAsync(client.Version, client.Unconfirmed.ToList());
                Assert.True(result.Accepted, result.Error);
            }
        }
        foreach (var client in clients)
        {
            var pull = await session.PullAsync(client.Version);
            client.Receive(client.Version, pull.Updates);
        }

        Assert.True(rebasedPushes > 100, $"only {rebasedPushes} pushes needed a server rebase");
        string text = session.GetSnapshot().Text;
        Assert.All(clients, c => Assert.Equal(text, c.Text));
        Assert.All(clients, c => Assert.Empty(c.Unconfirmed));
        Assert.Equal(text, log.Replay(scriptId, trace.StartContent));

        string expected = trace.EndContent;
        if (tieFrom == tieTo)
        {
            Assert.Equal(expected, text);
            return;
        }
        Assert.NotEqual(expected, text); // else the explanation above is out of date
        Assert.Equal(expected.Length, text.Length);
        Assert.Equal(expected[..tieFrom], text[..tieFrom]);
        Assert.Equal(expected[tieTo..], text[tieTo..]);
        Assert.Equal(expected[tieFrom..tieTo].Order(), text[tieFrom..tieTo].Order());
    }

    /// <summary>
    /// The friendsforever tie in miniature, keystroke by keystroke: from "in the 90s." agent 1 types " The" after the
    /// "." while agent 0 deletes the "." and types ", hu"; whichever typist's keystrokes the server accepts first come
    /// first. The same as <c>@codemirror/collab</c>'s <c>rebaseUpdates</c>: a later insertion at the position of an
    /// earlier one is placed after it.
    /// </summary>
    [Theory]
    [InlineData(true, "in the 90s, hu The")]
    [InlineData(false, "in the 90s The, hu")]
    public async Task Concurrent_insertions_at_one_position_go_in_the_order_they_reach_the_server(bool commaFirst, string expected)
    {
        const string start = "in the 90s.";
        await using var session = DocumentSession.Create(Guid.NewGuid(), start, 0, new InMemoryUpdateLog());
        var zero = new CollabClient("agent0", start, 0);
        var one = new CollabClient("agent1", start, 0);
        zero.Edit(ChangeSet.Of(10, 11, "", 11));
        foreach (var (c, at) in ", hu".Select((c, i) => (c, 10 + i))) zero.Edit(ChangeSet.Of(at, at, c.ToString(), zero.Length));
        foreach (var (c, at) in " The".Select((c, i) => (c, 11 + i))) one.Edit(ChangeSet.Of(at, at, c.ToString(), one.Length));

        foreach (var client in commaFirst ? new[] { zero, one } : [one, zero])
        {
            var result = await session.PushAsync(0, client.Unconfirmed.ToList());
            Assert.True(result.Accepted, result.Error);
        }

        Assert.Equal(expected, session.GetSnapshot().Text);
    }

    /// <summary>How many of each agent's transactions <paramref name="txn"/> was typed on top of (its causal history).</summary>
    private static int[] Knowledge(EditingTrace trace, int[][] seen, EditingTrace.Transaction txn)
    {
        var result = new int[trace.NumAgents];
        foreach (int parent in txn.Parents)
        {
            var parentSeen = seen[parent];
            for (int a = 0; a < result.Length; a++) result[a] = Math.Max(result[a], parentSeen[a]);
            int agent = trace.Transactions[parent].Agent;
            result[agent] = Math.Max(result[agent], parentSeen[agent] + 1);
        }
        return result;
    }
}
