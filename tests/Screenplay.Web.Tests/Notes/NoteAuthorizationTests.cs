using Screenplay.Web.Notes;

namespace Screenplay.Web.Tests.Notes;

/// <summary>Every note action for every role: who may, who is told no, and who cannot tell the script exists.</summary>
public sealed class NoteAuthorizationTests(NotesApp fixture) : IClassFixture<NotesApp>
{
    private const string Done = nameof(NoteOutcome.Done);
    private const string Forbidden = nameof(NoteOutcome.Forbidden);
    private const string NotFound = nameof(NoteOutcome.NotFound);

    // action, then the outcome for: owner, writer, commenter, reader, stranger. "Read" outcomes: Done = a list, NotFound = null.
    private static readonly (string Action, string[] Outcomes)[] Matrix =
    [
        ("list threads", [Done, Done, Done, Done, NotFound]),
        ("get thread", [Done, Done, Done, Done, NotFound]),
        ("list scenes", [Done, Done, Done, Done, NotFound]),
        ("list detached", [Done, Done, Done, Done, NotFound]),
        ("list people", [Done, Done, Done, Done, NotFound]),
        ("create", [Done, Done, Done, Forbidden, NotFound]),
        ("create pinned", [Done, Done, Done, Forbidden, NotFound]),
        ("reply", [Done, Done, Done, Forbidden, NotFound]),
        ("edit own", [Done, Done, Done, Forbidden, NotFound]),
        ("edit another's", [Forbidden, Forbidden, Forbidden, Forbidden, NotFound]),
        ("delete own", [Done, Done, Done, Forbidden, NotFound]),
        ("delete another's", [Done, Forbidden, Forbidden, Forbidden, NotFound]),
        ("restore", [Done, Forbidden, Forbidden, Forbidden, NotFound]),
        ("resolve", [Done, Done, Done, Forbidden, NotFound]),
        ("reopen", [Done, Done, Done, Forbidden, NotFound]),
        ("move", [Done, Done, Forbidden, Forbidden, NotFound]),
    ];

    private static readonly string[] Roles = ["owner", "writer", "commenter", "reader", "stranger"];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (action, outcomes) in Matrix)
        {
            for (var r = 0; r < Roles.Length; r++) data.Add(action, Roles[r], outcomes[r]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_exactly_what_its_standing_allows(string action, string role, string expected)
    {
        var cast = await fixture.CastAsync();
        var notes = fixture.Notes;
        var script = cast.ScriptId;
        var me = cast.As(role).Id;
        // Notes made by someone else (the owner, or the commenter when the caller is the owner), and by the caller where roles allow.
        var other = role == "owner" ? cast.Commenter.Id : cast.Owner.Id;
        var theirs = Must(await notes.CreateAsync(script, other, cast.Scenes[0], "Tighten this scene."));
        async Task<Guid> OwnAsync() => role is "reader" or "stranger" ? theirs : Must(await notes.CreateAsync(script, me, cast.Scenes[1], "My own note."));

        var outcome = action switch
        {
            "list threads" => Read(await notes.ListThreadsAsync(script, me)),
            "get thread" => Read(await notes.GetThreadAsync(script, me, theirs)),
            "list scenes" => Read(await notes.ListScenesAsync(script, me)),
            "list detached" => Read(await notes.ListDetachedAsync(script, me)),
            "list people" => Read(await notes.ListPeopleAsync(script, me)),
            "create" => (await notes.CreateAsync(script, me, cast.Scenes[1], "A new thought.")).Outcome.ToString(),
            "create pinned" => (await notes.CreateAsync(script, me, cast.Scenes[0], "This line.", await PassageAsync(cast))).Outcome.ToString(),
            "reply" => (await notes.ReplyAsync(script, me, theirs, "Agreed.")).Outcome.ToString(),
            "edit own" => (await notes.EditAsync(script, me, await OwnAsync(), "Changed my mind.")).Outcome.ToString(),
            "edit another's" => (await notes.EditAsync(script, me, theirs, "Rewritten by someone else.")).Outcome.ToString(),
            "delete own" => (await notes.DeleteAsync(script, me, await OwnAsync())).Outcome.ToString(),
            "delete another's" => (await notes.DeleteAsync(script, me, theirs)).Outcome.ToString(),
            "restore" => await RestoreAsync(),
            "resolve" => (await notes.ResolveAsync(script, me, theirs)).Outcome.ToString(),
            "reopen" => await ReopenAsync(),
            "move" => (await notes.MoveAsync(script, me, theirs, cast.Scenes[2])).Outcome.ToString(),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.Equal(expected, outcome);
        var after = await notes.GetThreadAsync(script, cast.Owner.Id, theirs);
        Assert.NotNull(after);
        // A refusal changes nothing.
        if (expected != Done)
        {
            Assert.Equal(("Tighten this scene.", NoteStatus.Open, cast.Scenes[0]), (after.Root.Body, after.Status, after.Scene.Id));
            Assert.Empty(after.Replies);
        }

        async Task<string> RestoreAsync()
        {
            Must(await notes.DeleteAsync(script, other, theirs));
            var result = (await notes.RestoreAsync(script, me, theirs)).Outcome.ToString();
            var thread = await notes.GetThreadAsync(script, cast.Owner.Id, theirs);
            Assert.Equal(result == Done, !thread!.Root.Deleted);
            Must(await notes.RestoreAsync(script, cast.Owner.Id, theirs));
            return result;
        }

        async Task<string> ReopenAsync()
        {
            Must(await notes.ResolveAsync(script, other, theirs));
            var result = (await notes.ReopenAsync(script, me, theirs)).Outcome.ToString();
            var thread = await notes.GetThreadAsync(script, cast.Owner.Id, theirs);
            Assert.Equal(result == Done ? NoteStatus.Open : NoteStatus.Resolved, thread!.Status);
            Must(await notes.ReopenAsync(script, cast.Owner.Id, theirs));
            return result;
        }
    }

    private static string Read(object? result) => result is null ? NotFound : Done;

    private static Guid Must(NoteResult result) =>
        result.Done ? result.NoteId!.Value : throw new InvalidOperationException($"Setup failed: {result.Outcome} {result.Error}");

    private async Task<PassageInput> PassageAsync(Cast cast)
    {
        var script = await cast.Owner.LoadScriptAsync(cast.ScriptId);
        var at = script.Text.IndexOf("Somebody threw", StringComparison.Ordinal);
        return new PassageInput(at, at + "Somebody threw a stone.".Length, script.Version);
    }
}
