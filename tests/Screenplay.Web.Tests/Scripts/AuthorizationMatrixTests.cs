using System.Net;
using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Data;

namespace Screenplay.Web.Tests.Scripts;

/// <summary>Who is asking: the four roles and someone the script was never shared with.</summary>
public enum Who { Owner, Writer, Commenter, Reader, Stranger }

/// <summary>
/// Every action on a script × every role × a stranger, over HTTP against the real app: the allowed succeed, members
/// with too weak a role get 403 and change nothing, strangers get 404 (the same as for a script that does not exist).
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.People people) : IClassFixture<AuthorizationMatrixTests.People>
{
    public sealed class People : IAsyncLifetime
    {
        public ScreenplayApp App { get; } = new();
        public Dictionary<Who, TestUser> Users { get; } = [];

        public async Task InitializeAsync()
        {
            await App.InitializeAsync();
            foreach (var who in Enum.GetValues<Who>()) Users[who] = await App.CreateUserAsync(who.ToString());
        }

        public Task DisposeAsync() => App.DisposeAsync();

        /// <summary>A fresh script owned by Owner and shared with Writer, Commenter and Reader.</summary>
        public async Task<Guid> SharedScriptAsync()
        {
            var owner = Users[Who.Owner];
            var id = await owner.CreateScriptAsync("Matrix", "INT. ROOM - DAY\n\nA room.\n");
            await owner.ShareAsync(id, Users[Who.Writer], ScriptRole.Writer);
            await owner.ShareAsync(id, Users[Who.Commenter], ScriptRole.Commenter);
            await owner.ShareAsync(id, Users[Who.Reader], ScriptRole.Reader);
            return id;
        }
    }

    /// <summary>An action as an HTTP request. <c>Post</c> actions are forms; <c>Get</c> actions pages or downloads.</summary>
    public sealed record Act(string Name, bool Post, Func<Guid, People, string> Path, Dictionary<string, string>? Form, Who[] Allowed)
    {
        public override string ToString() => Name;
    }

    private static readonly Who[] Everyone = [Who.Owner, Who.Writer, Who.Commenter, Who.Reader];
    private static readonly Who[] Writers = [Who.Owner, Who.Writer];
    private static readonly Who[] OwnerOnly = [Who.Owner];

    public static readonly Act[] Actions =
    [
        new("view script page", false, (id, _) => $"/scripts/{id}", null, Everyone),
        new("view people page", false, (id, _) => $"/scripts/{id}/share", null, Everyone),
        new("open editor", false, (id, _) => $"/scripts/{id}/edit", null, Writers),
        new("export fountain", false, (id, _) => $"/scripts/{id}/export/fountain", null, Everyone),
        new("export fdx", false, (id, _) => $"/scripts/{id}/export/fdx", null, Everyone),
        new("export pdf", false, (id, _) => $"/scripts/{id}/export/pdf?watermark=true", null, Everyone),
        new("save text", true, (id, _) => $"/scripts/{id}/text", new() { ["text"] = "EXT. ELSEWHERE - NIGHT\n" }, Writers),
        new("rename", true, (id, _) => $"/scripts/{id}/rename", new() { ["title"] = "Renamed" }, OwnerOnly),
        new("invite", true, (id, p) => $"/scripts/{id}/members", null, OwnerOnly),
        new("change a role", true, (id, p) => $"/scripts/{id}/members/{p.Users[Who.Reader].Id}/role", new() { ["role"] = "Writer" }, OwnerOnly),
        new("remove someone", true, (id, p) => $"/scripts/{id}/members/{p.Users[Who.Commenter].Id}/remove", null, OwnerOnly),
        new("delete", true, (id, _) => $"/scripts/{id}/delete", null, OwnerOnly),
        new("leave", true, (id, _) => $"/scripts/{id}/leave", null, [Who.Writer, Who.Commenter, Who.Reader]),
    ];

    public static TheoryData<string, Who> Cells()
    {
        var data = new TheoryData<string, Who>();
        foreach (var act in Actions)
        foreach (var who in Enum.GetValues<Who>())
            data.Add(act.Name, who);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_may_do_exactly_what_it_is_allowed_and_strangers_learn_nothing(string action, Who who)
    {
        var act = Actions.Single(a => a.Name == action);
        var id = await people.SharedScriptAsync();
        var before = await SnapshotAsync(id);
        var client = people.Users[who].Client;

        var form = act.Form ?? (act.Name == "invite" ? new() { ["email"] = people.Users[Who.Stranger].Email, ["role"] = "Reader" } : []);
        using var response = act.Post
            ? await client.PostFormAsync(act.Path(id, people), form)
            : await client.GetAsync(act.Path(id, people));

        var expected = act.Allowed.Contains(who)
            ? (act.Post ? HttpStatusCode.Redirect : HttpStatusCode.OK)
            : who == Who.Stranger ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);

        var after = await SnapshotAsync(id);
        if (expected != HttpStatusCode.Redirect)
        {
            Assert.Equal(before, after); // refused (or read-only) actions change nothing
        }
        else
        {
            Assert.NotEqual(before, after); // allowed writes take effect
        }
        if (who == Who.Stranger)
        {
            // The stranger's answer is the same as for a script that does not exist at all.
            using var missing = act.Post
                ? await client.PostFormAsync(act.Path(Guid.NewGuid(), people), form)
                : await client.GetAsync(act.Path(Guid.NewGuid(), people));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.DoesNotContain("Matrix", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_deleted_script_is_gone_for_everyone_until_its_owner_restores_it()
    {
        var id = await people.SharedScriptAsync();
        using (var delete = await people.Users[Who.Owner].Client.PostFormAsync($"/scripts/{id}/delete"))
        {
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        }

        foreach (var who in Enum.GetValues<Who>())
        {
            using var page = await people.Users[who].Client.GetAsync($"/scripts/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            using var export = await people.Users[who].Client.GetAsync($"/scripts/{id}/export/fountain");
            Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
            if (who != Who.Owner)
            {
                using var restore = await people.Users[who].Client.PostFormAsync($"/scripts/{id}/restore");
                Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
            }
        }
        var trash = await people.Users[Who.Owner].Client.GetHtmlAsync("/trash");
        Assert.NotNull(trash.QuerySelector($"tr[data-script='{id}']"));

        using (var restore = await people.Users[Who.Owner].Client.PostFormAsync($"/scripts/{id}/restore"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }
        foreach (var who in Everyone)
        {
            using var page = await people.Users[who].Client.GetAsync($"/scripts/{id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        var script = await people.Users[Who.Owner].LoadScriptAsync(id);
        Assert.Equal(4, script.Members.Count);
        Assert.Equal("INT. ROOM - DAY\n\nA room.\n", script.Text);
    }

    [Fact]
    public async Task A_script_deleted_more_than_30_days_ago_cannot_be_restored()
    {
        var id = await people.SharedScriptAsync();
        await using (var db = people.App.CreateDbContext())
        {
            await db.Scripts.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.DeletedAt, DateTimeOffset.UtcNow.AddDays(-31)));
        }
        using var restore = await people.Users[Who.Owner].Client.PostFormAsync($"/scripts/{id}/restore");
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        var trash = await people.Users[Who.Owner].Client.GetHtmlAsync("/trash");
        Assert.Null(trash.QuerySelector($"tr[data-script='{id}']"));
    }

    /// <summary>Everything an action could change, as one comparable string.</summary>
    private async Task<string> SnapshotAsync(Guid id)
    {
        await using var db = people.App.CreateDbContext();
        var script = await db.Scripts.AsNoTracking().SingleAsync(s => s.Id == id);
        var members = await db.ScriptMembers.AsNoTracking().Where(m => m.ScriptId == id)
            .OrderBy(m => m.UserId).Select(m => m.UserId + ":" + m.Role).ToListAsync();
        var revisions = await db.ScriptRevisions.CountAsync(r => r.ScriptId == id);
        return $"{script.Title}|{script.Text}|{script.DeletedAt is null}|{revisions}|{string.Join(',', members)}";
    }
}
