using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>
/// Property test of the whole protocol without a network: simulated editors type at random, push whenever they
/// are free, receive the server's broadcasts late and in bursts, drop off and reconnect (losing the broadcasts
/// meanwhile and pulling what they missed), and are sometimes refused for being too far behind. Whatever happens,
/// once everyone has caught up every editor, the session and a replay of the log hold one and the same text.
/// </summary>
public sealed class ConvergenceTests
{
    private const string Alphabet = "abc XYZ\n\n.é";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Editors_with_random_edits_delays_and_reconnects_converge_on_the_servers_text(int seed)
    {
        var random = new Random(seed);
        var log = new InMemoryUpdateLog();
        var scriptId = Guid.NewGuid();
        const string start = "INT. KITCHEN - NIGHT\n\nSomething boils.";
        // A short tail, so that some pushes are refused as too old and some pulls are served from the log.
        var options = new DocumentSessionOptions { TailCapacity = 40, MaxRebaseDistance = 40 };
        await using var session = DocumentSession.Create(scriptId, start, 0, log, options);
        var editors = Enumerable.Range(0, 6).Select(i => new Editor(new CollabClient($"tab{i}", start, 0))).ToList();
        session.Committed = committed =>
        {
            foreach (var editor in editors) editor.Broadcast(committed);
            return Task.CompletedTask;
        };

        // The server's text at each version, from the log, to check the protocol's invariant as we go.
        var textAt = new List<string> { start };
        int refused = 0, gaps = 0;
        for (int step = 0; step < 800; step++)
        {
            var editor = editors[random.Next(editors.Count)];
            refused += editor.CollectPushResult();
            int action = random.Next(100);
            if (action < 40) editor.Type(random);
            else if (action < 60 && editor.Connected) editor.StartPush(session);
            else if (action < 85 && editor.Connected) gaps += await editor.DeliverAsync(session, random.Next(1, 4));
            else if (action < 90) editor.Disconnect();
            else if (action < 95 && !editor.Connected) await editor.ReconnectAsync(session, pullNow: random.Next(2) == 0);
            else await Task.Delay(1);
            // The protocol's invariant, at every step: an editor's text is the server's text at the editor's
            // version plus its unconfirmed edits.
            foreach (var e in editors)
            {
                string doc = TextAt(textAt, log, scriptId, e.Client.Version);
                foreach (var u in e.Client.Unconfirmed) doc = u.Changes.Apply(doc);
                Assert.True(doc == e.Client.Text, $"step {step}: {e.Client.ClientId} at version {e.Client.Version} has {e.Client.Text}, expected {doc}");
            }
        }

        // Everyone comes back, and sends and receives until nothing is left.
        foreach (var editor in editors)
        {
            await editor.WaitForPushAsync();
            if (!editor.Connected) await editor.ReconnectAsync(session, pullNow: true);
        }
        for (int round = 0; round < 10 && editors.Any(e => e.Client.Unconfirmed.Count > 0); round++)
        {
            foreach (var editor in editors)
            {
                await editor.PullAsync(session);
                if (editor.Client.Unconfirmed.Count == 0) continue;
                var result = await session.PushAsync(editor.Client.Version, editor.Client.Unconfirmed.ToList());
                Assert.True(result.Accepted, result.Error);
            }
        }
        foreach (var editor in editors) await editor.PullAsync(session);

        var server = session.GetSnapshot();
        Assert.True(server.Version > 100, $"only {server.Version} updates were accepted");
        Assert.All(editors, e => Assert.Empty(e.Client.Unconfirmed));
        Assert.All(editors, e => Assert.Equal(server.Text, e.Client.Text));
        Assert.All(editors, e => Assert.Equal(server.Version, e.Client.Version));
        Assert.Equal(server.Text, log.Replay(scriptId, start));
        Assert.True(refused + gaps > 0, "the run never exercised a refused push or a missed broadcast");
        Assert.True(editors.Sum(e => e.Rebased) > 5, "the server hardly rebased any push");
    }

    private static string TextAt(List<string> textAt, InMemoryUpdateLog log, Guid scriptId, int version)
    {
        if (version >= textAt.Count)
        {
            foreach (var u in log.ReadAsync(scriptId, textAt.Count - 1, version, default).Result)
                textAt.Add(u.Update.Changes.Apply(textAt[^1]));
        }
        return textAt[version];
    }

    /// <summary>One browser tab: the collab client plus a connection that can drop broadcasts.</summary>
    private sealed class Editor(CollabClient client)
    {
        private readonly Lock gate = new();
        private readonly Queue<CommittedUpdates> inbox = new();
        private Task<PushResult>? push;
        private bool pushIsStale;

        /// <summary>Pushes based on an old version that the server rebased and accepted.</summary>
        public int Rebased { get; private set; }

        public CollabClient Client { get; } = client;

        public bool Connected { get; private set; } = true;

        public void Broadcast(CommittedUpdates updates)
        {
            lock (gate)
            {
                if (Connected) inbox.Enqueue(updates);
            }
        }

        public void Type(Random random)
        {
            int length = Client.Length;
            int from = random.Next(length + 1);
            int to = Math.Min(length, from + (random.Next(3) == 0 ? random.Next(6) : 0));
            string insert = random.Next(4) == 0 ? "" : new string(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            Client.Edit(ChangeSet.Of(from, to, insert, length));
        }

        public void StartPush(DocumentSession session)
        {
            if (push is not null || Client.Unconfirmed.Count == 0) return;
            pushIsStale = Client.Version < session.Version;
            push = session.PushAsync(Client.Version, Client.Unconfirmed.ToList());
        }

        /// <summary>1 when a finished push was refused (the editor will pull and push again), else 0.</summary>
        public int CollectPushResult()
        {
            if (push is not { IsCompleted: true } done) return 0;
            push = null;
            if (done.Result.Accepted && pushIsStale) Rebased++;
            return done.Result.Accepted ? 0 : 1;
        }

        public async Task WaitForPushAsync()
        {
            if (push is not null) await push;
            push = null;
        }

        /// <summary>Delivers up to <paramref name="count"/> broadcasts in order; returns how many gaps needed a pull.</summary>
        public async Task<int> DeliverAsync(DocumentSession session, int count)
        {
            int gaps = 0;
            for (int i = 0; i < count; i++)
            {
                CommittedUpdates? next;
                lock (gate) next = inbox.TryDequeue(out var item) ? item : null;
                if (next is null) break;
                if (next.FromVersion > Client.Version)
                {
                    gaps++;
                    await PullAsync(session);
                }
                Client.Receive(next.FromVersion, next.Updates);
            }
            return gaps;
        }

        public void Disconnect()
        {
            lock (gate)
            {
                Connected = false;
                inbox.Clear();
            }
        }

        /// <param name="pullNow">False: rely on noticing the version gap in the next broadcast instead.</param>
        public async Task ReconnectAsync(DocumentSession session, bool pullNow)
        {
            lock (gate) Connected = true;
            if (pullNow) await PullAsync(session);
        }

        public async Task PullAsync(DocumentSession session)
        {
            var pull = await session.PullAsync(Client.Version);
            Assert.Null(pull.Error);
            Client.Receive(Client.Version, pull.Updates);
        }
    }
}
