using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Editor;

/// <summary>The server's rebase must land a stale push where the pushing browser editor has already put it.</summary>
public sealed class EditorServerAgreementTests
{
    [Fact]
    public async Task A_stale_insertion_inside_a_deleted_range_lands_where_the_pushing_editor_put_it()
    {
        var log = new InMemoryUpdateLog();
        var session = DocumentSession.Create(Guid.NewGuid(), "0123456789abcde", 0, log);

        // One writer deletes "9ab"; another then types "BOB\n" where it was; a third, still on version 0, had typed
        // "xyz" inside the deleted range.
        Assert.True((await session.PushAsync(0, [new CollabUpdate("a", ChangeSet.FromJson("[9,[3],3]"))])).Accepted);
        Assert.True((await session.PushAsync(1, [new CollabUpdate("b", ChangeSet.FromJson("[9,[0,\"BOB\",\"\"],3]"))])).Accepted);
        Assert.True((await session.PushAsync(0, [new CollabUpdate("c", ChangeSet.FromJson("[10,[0,\"xyz\"],5]"))])).Accepted);

        // The third editor, receiving the two updates one at a time, maps its insertion after "BOB\n" (Editor/test/
        // sync.test.mjs checks that side with @codemirror/collab itself). Over their composition it would land before.
        Assert.Equal("012345678BOB\nxyzcde", session.GetSnapshot().Text);
    }
}
