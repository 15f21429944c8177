using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// The notes panel rendered with bUnit over the real back end (ScriptNotes on a real PostgreSQL through the running
/// app's services): threads, filters, what a Reader is offered, live updates, and that nothing a person types into a
/// note or their name becomes active content in the page.
/// </summary>
public sealed class NotesPanelTests(NotesApp notesApp) : ComponentTestContext, IClassFixture<NotesApp>
{
    private async Task<(Cast Cast, Guid Kitchen, Guid Garden)> ArrangeAsync()
    {
        var cast = await notesApp.CastAsync();
        Services.AddSingleton(notesApp.Notes);
        Services.AddSingleton(notesApp.App.Services.GetRequiredService<NoteEvents>());
        var scenes = (await notesApp.Notes.ListScenesAsync(cast.ScriptId, cast.Owner.Id))!;
        return (cast, scenes[0].Id, scenes[1].Id);
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private IRenderedComponent<NotesPanel> Render(Cast cast, TestUser user, ScriptRole role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user.Name);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        var panel = Render<NotesPanel>(p => p.Add(x => x.ScriptId, cast.ScriptId).Add(x => x.Role, role));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".notes-filters")), Wait);
        return panel;
    }

    private async Task<Guid> NoteAsync(Cast cast, TestUser who, Guid scene, string body)
    {
        var result = await notesApp.Notes.CreateAsync(cast.ScriptId, who.Id, scene, body);
        Assert.True(result.Done, result.Error);
        return result.NoteId!.Value;
    }

    private static IReadOnlyList<IElement> Threads(IRenderedComponent<NotesPanel> panel) => panel.FindAll(".note-threads[data-test=threads] > .note-thread");

    [Fact]
    public async Task Threads_render_with_author_body_replies_and_filter_by_scene_status_and_author()
    {
        var (cast, kitchen, garden) = await ArrangeAsync();
        var stone = await NoteAsync(cast, cast.Commenter, kitchen, "Make the **stone** louder, @Walt Writer.");
        Assert.True((await notesApp.Notes.ReplyAsync(cast.ScriptId, cast.Writer.Id, stone, "Done: *crash*.")).Done);
        var boy = await NoteAsync(cast, cast.Writer, garden, "Name the boy.");
        Assert.True((await notesApp.Notes.ResolveAsync(cast.ScriptId, cast.Owner.Id, boy)).Done);

        var panel = Render(cast, cast.Writer, ScriptRole.Writer);

        var thread = panel.Find($"[data-thread-id='{stone}']");
        Assert.Equal("Dana Director", thread.QuerySelector(".note-author")!.TextContent);
        Assert.Equal("stone", thread.QuerySelector(".note-body strong")!.TextContent);
        Assert.Equal("@Walt Writer", thread.QuerySelector(".note-body mark.mention")!.TextContent);
        Assert.Equal("crash", thread.QuerySelector(".note-replies em")!.TextContent);
        Assert.Equal("Open", thread.QuerySelector(".note-status")!.TextContent);
        Assert.NotNull(thread.QuerySelector(".note-mentions-me"));
        Assert.Contains("Resolved", panel.Find($"[data-thread-id='{boy}'] .note-status").TextContent, StringComparison.Ordinal);

        // Other tests of this class add threads to the same script: check what each filter keeps, not exact lists.
        panel.Find("[data-test=filter-status]").Change("resolved");
        panel.WaitForAssertion(() =>
        {
            Assert.All(Threads(panel), t => Assert.Contains("resolved", t.ClassList));
            Assert.Contains(boy.ToString(), Threads(panel).Select(t => t.GetAttribute("data-thread-id")));
        }, Wait);
        panel.Find("[data-test=filter-status]").Change("open");
        panel.WaitForAssertion(() =>
        {
            Assert.All(Threads(panel), t => Assert.Contains("open", t.ClassList));
            Assert.Contains(stone.ToString(), Threads(panel).Select(t => t.GetAttribute("data-thread-id")));
        }, Wait);

        panel.Find("[data-test=filter-status]").Change("");
        panel.Find("[data-test=filter-scene]").Change(garden.ToString());
        panel.WaitForAssertion(() =>
        {
            Assert.All(Threads(panel), t => Assert.Equal(garden.ToString(), t.GetAttribute("data-scene-id")));
            Assert.Contains(boy.ToString(), Threads(panel).Select(t => t.GetAttribute("data-thread-id")));
        }, Wait);

        panel.Find("[data-test=filter-scene]").Change("");
        panel.Find("[data-test=filter-author]").Change(cast.Commenter.Id); // Dana wrote the stone note; the writer only replied
        panel.WaitForAssertion(() =>
        {
            Assert.Contains(stone.ToString(), Threads(panel).Select(t => t.GetAttribute("data-thread-id")));
            Assert.DoesNotContain(boy.ToString(), Threads(panel).Select(t => t.GetAttribute("data-thread-id")));
        }, Wait);

        // The writer may reply and resolve anyone's note and edit only their own reply.
        Assert.NotNull(thread.QuerySelector(".note-thread-actions button"));
        Assert.Empty(panel.FindAll($"[data-thread-id='{stone}'] > .note .note-actions button"));
        Assert.Contains(panel.FindAll($"[data-thread-id='{stone}'] .note-replies .note-actions button"), b => b.TextContent == "Edit");
    }

    [Fact]
    public async Task A_reader_sees_the_threads_but_no_control_that_writes()
    {
        var (cast, kitchen, _) = await ArrangeAsync();
        var note = await NoteAsync(cast, cast.Commenter, kitchen, "Reader-visible note.");

        var panel = Render(cast, cast.Reader, ScriptRole.Reader);

        Assert.Contains("Reader-visible note.", panel.Find($"[data-thread-id='{note}']").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-test=new-note]"));
        Assert.Empty(panel.FindAll("textarea"));
        var writes = panel.FindAll("button").Select(b => b.TextContent.Trim())
            .Where(t => t is "Reply" or "Resolve" or "Reopen" or "Edit" or "Delete" or "Restore" or "Move" or "Re-attach" or "New note" or "Add note");
        Assert.Empty(writes);
        Assert.NotEmpty(panel.FindAll("[data-test=filter-status]")); // filtering is reading
    }

    [Fact]
    public async Task A_note_written_elsewhere_appears_without_a_reload_and_a_new_note_goes_on_the_chosen_scene()
    {
        var (cast, kitchen, garden) = await ArrangeAsync();
        var panel = Render(cast, cast.Commenter, ScriptRole.Commenter);

        var elsewhere = await NoteAsync(cast, cast.Writer, garden, "Written in another tab.");
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find($"[data-thread-id='{elsewhere}']")), Wait);

        panel.Find("[data-test=new-note]").Click();
        panel.WaitForElement("[data-test=new-note-scene]", Wait).Change(kitchen.ToString());
        panel.Find("[data-test=note-body]").Input("From the panel, *quietly*.");
        Assert.Equal("quietly", panel.Find(".note-preview em").TextContent);
        panel.FindAll("button").Single(b => b.TextContent == "Add note").Click();

        panel.WaitForAssertion(() => Assert.Contains(Threads(panel), t => t.TextContent.Contains("From the panel", StringComparison.Ordinal)
            && t.GetAttribute("data-scene-id") == kitchen.ToString()), Wait);
        var mine = (await notesApp.Notes.ListThreadsAsync(cast.ScriptId, cast.Commenter.Id))!.Single(t => t.Root.Body == "From the panel, *quietly*.");
        Assert.Equal(kitchen, mine.Scene.Id);
        Assert.Equal(cast.Commenter.Id, mine.Root.AuthorId);
    }

    public static TheoryData<string> Attacks => new()
    {
        "<script>alert('body')</script>",
        "<img src=x onerror=alert('img')>",
        "[click](javascript:alert('link'))",
        "[click](JaVaScRiPt:alert('case'))",
        "[click](&#106;avascript:alert('entity'))",
        "[click](java&#x09;script:alert('tab'))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"javascript:alert('raw')\">raw</a>",
        "&lt;script&gt;alert('escaped')&lt;/script&gt;",
        "<svg><script>alert('svg')</script></svg>",
        "[x](\" onmouseover=\"alert('attr'))",
        "<iframe src=\"javascript:alert('frame')\"></iframe>",
        "![img](javascript:alert('image'))",
        "<details open ontoggle=alert('toggle')>",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Nothing_in_a_note_body_or_an_authors_name_becomes_active_content(string attack)
    {
        var (cast, kitchen, _) = await ArrangeAsync();
        var evil = await notesApp.App.CreateUserAsync("<img src=x onerror=alert('name')>" + attack[..Math.Min(20, attack.Length)]);
        await cast.Owner.ShareAsync(cast.ScriptId, evil, ScriptRole.Commenter);
        var note = await NoteAsync(cast, evil, kitchen, attack + " @" + evil.Name);
        Assert.True((await notesApp.Notes.ReplyAsync(cast.ScriptId, evil.Id, note, attack)).Done);

        var panel = Render(cast, cast.Owner, ScriptRole.Owner);
        // The composer's preview renders the same way while typing.
        panel.Find("[data-test=new-note]").Click();
        panel.WaitForElement("[data-test=note-body]", Wait).Input(attack);

        var thread = panel.Find($"[data-thread-id='{note}']");
        Assert.Equal(evil.Name, thread.QuerySelector(".note-author")!.TextContent);
        AssertInert(panel.Find(".notes-panel"));
    }

    /// <summary>No script, frame, object or SVG element, no event handler attribute, and no link or source but http(s)/mailto.</summary>
    private static void AssertInert(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "object", "embed", "svg", "img", "style", "link", "meta", "form", "details" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attribute.Name}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    Assert.Matches("^(https?:|mailto:|#|/)", value);
                }
            }
        }
    }
}
