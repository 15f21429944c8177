using AngleSharp.Dom;
using Bunit;
using Screenplay.Web.Data;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Tests.Scripts;

public sealed class ScriptListTests : ComponentTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ScriptSummary Summary(string title, ScriptRole role, TimeSpan age, params string[] collaborators) =>
        new(Guid.NewGuid(), title, 42, Now - age, "Ada", role, "Olga Owner", collaborators);

    [Fact]
    public void Owners_get_rename_and_delete_others_get_leave_every_form_with_a_token()
    {
        var mine = Summary("Mine", ScriptRole.Owner, TimeSpan.FromMinutes(5), "Bea", "Cy");
        var shared = Summary("Shared", ScriptRole.Commenter, TimeSpan.FromHours(3));
        var list = Render<ScriptList>(p => p.Add(c => c.Scripts, [mine, shared]).Add(c => c.Now, Now));

        var mineRow = list.Find($"tr[data-script='{mine.Id}']");
        Assert.Equal(
            [$"/scripts/{mine.Id}/rename", $"/scripts/{mine.Id}/delete"],
            mineRow.QuerySelectorAll("form").Select(f => f.GetAttribute("action")));
        Assert.Equal("you, Bea, Cy", mineRow.QuerySelector(".people")!.TextContent);
        Assert.Equal("5 min ago by Ada", mineRow.QuerySelector(".edited")!.TextContent);
        Assert.Equal("42", mineRow.QuerySelector(".pages")!.TextContent);

        var sharedRow = list.Find($"tr[data-script='{shared.Id}']");
        Assert.Equal([$"/scripts/{shared.Id}/leave"], sharedRow.QuerySelectorAll("form").Select(f => f.GetAttribute("action")));
        Assert.Equal("Olga Owner", sharedRow.QuerySelector(".people")!.TextContent);
        Assert.Equal("3 h ago by Ada", sharedRow.QuerySelector(".edited")!.TextContent);
        Assert.Equal($"/scripts/{shared.Id}", sharedRow.QuerySelector(".title a")!.GetAttribute("href"));

        foreach (var form in list.FindAll("form"))
        {
            Assert.Equal("post", form.GetAttribute("method"));
            Assert.Equal(Token, form.QuerySelector($"input[name={TestClient.AntiforgeryField}]")?.GetAttribute("value"));
        }
    }

    [Fact]
    public void The_trash_offers_restore_until_thirty_days_after_deletion_and_no_link()
    {
        var deleted = Summary("Gone", ScriptRole.Owner, TimeSpan.FromDays(40)) with { DeletedAt = Now.AddDays(-2) };
        var list = Render<ScriptList>(p => p.Add(c => c.Scripts, [deleted]).Add(c => c.Trash, true).Add(c => c.Now, Now));

        var row = list.Find("tbody tr");
        Assert.Null(row.QuerySelector(".title a"));
        Assert.Equal([$"/scripts/{deleted.Id}/restore"], list.FindAll("tbody form").Select(f => f.GetAttribute("action")));
        Assert.Contains("deleted 2 d ago, restorable until 21 Dec 2026", row.QuerySelector(".hint")!.TextContent);
        Assert.Contains("14 Oct 2026", row.QuerySelector(".edited")!.TextContent); // older than 30 days: a date
    }

    [Fact]
    public void An_empty_list_says_what_to_do()
    {
        var list = Render<ScriptList>(p => p.Add(c => c.Scripts, []));
        Assert.Empty(list.FindAll("table"));
        Assert.Contains("create one or import a file", list.Find(".empty").TextContent);
    }
}
