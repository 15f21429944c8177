using Bunit;
using Screenplay.Web.Data;
using Screenplay.Web.Sharing;

namespace Screenplay.Web.Tests.Sharing;

public sealed class ShareDialogTests : ComponentTestContext
{
    private static readonly Guid ScriptId = Guid.NewGuid();

    private static readonly ScriptPerson[] People =
    [
        new("u-reader", "Rita", "rita@example.test", ScriptRole.Reader),
        new("u-owner", "Olga", "olga@example.test", ScriptRole.Owner),
        new("u-director", "Dan", "dan@example.test", ScriptRole.Commenter),
    ];

    private IRenderedComponent<ShareDialog> RenderFor(string userId, string? error = null) =>
        Render<ShareDialog>(p => p
            .Add(c => c.ScriptId, ScriptId)
            .Add(c => c.People, People)
            .Add(c => c.CurrentUserId, userId)
            .Add(c => c.Error, error));

    [Fact]
    public void The_owner_can_invite_change_roles_and_remove_everyone_but_themselves()
    {
        var dialog = RenderFor("u-owner");

        Assert.Equal(["Olga (you)", "Dan", "Rita"], dialog.FindAll("tbody tr td:first-child").Select(td => td.TextContent));
        var ownerRow = dialog.Find("tr[data-user='u-owner']");
        Assert.Empty(ownerRow.QuerySelectorAll("form"));
        Assert.Equal("Owner", ownerRow.QuerySelector(".role")!.TextContent.Trim());

        var directorRow = dialog.Find("tr[data-user='u-director']");
        Assert.Equal(
            [$"/scripts/{ScriptId}/members/u-director/role", $"/scripts/{ScriptId}/members/u-director/remove"],
            directorRow.QuerySelectorAll("form").Select(f => f.GetAttribute("action")));
        var options = directorRow.QuerySelectorAll("select[name=role] option").ToList();
        Assert.Equal(["Writer", "Commenter", "Reader"], options.Select(o => o.GetAttribute("value")));
        Assert.True(options.Single(o => o.HasAttribute("selected")).GetAttribute("value") == "Commenter");

        var invite = dialog.Find("form#invite");
        Assert.Equal($"/scripts/{ScriptId}/members", invite.GetAttribute("action"));
        Assert.NotNull(invite.QuerySelector("input[type=email][name=email][required]"));
        Assert.Empty(dialog.FindAll($"form[action$='/leave']"));
    }

    [Fact]
    public void A_collaborator_sees_the_people_and_can_only_leave()
    {
        var dialog = RenderFor("u-director");

        Assert.Empty(dialog.FindAll("form#invite"));
        Assert.Empty(dialog.FindAll("select"));
        var forms = dialog.FindAll("form");
        var leave = Assert.Single(forms);
        Assert.Equal($"/scripts/{ScriptId}/leave", leave.GetAttribute("action"));
        Assert.NotNull(dialog.Find("tr[data-user='u-director']").QuerySelector("form"));
        Assert.Equal("Reader", dialog.Find("tr[data-user='u-reader'] .role").TextContent.Trim());
    }

    [Fact]
    public void An_error_is_shown_as_an_alert_and_encoded()
    {
        var dialog = RenderFor("u-owner", "No account uses '<b>x</b>'.");
        var alert = dialog.Find(".error[role=alert]");
        Assert.Equal("No account uses '<b>x</b>'.", alert.TextContent);
        Assert.Empty(alert.QuerySelectorAll("b"));
    }
}
