using System.Net;
using Screenplay.Web.Tests.Notes;
using UglyToad.PdfPig;

namespace Screenplay.Web.Tests.Export;

/// <summary>Notes in the downloads, over HTTP against the real app: the draft PDF's open-notes option and the notes report.</summary>
public sealed class NotesExportTests(NotesApp notesApp) : IClassFixture<NotesApp>
{
    [Fact]
    public async Task The_draft_pdf_prints_open_notes_after_their_scene_only_when_asked()
    {
        var cast = await notesApp.CastAsync();
        var open = await CreateAsync(cast, cast.Commenter, 0, "Make the **stone** louder.");
        Assert.True((await notesApp.Notes.ReplyAsync(cast.ScriptId, cast.Writer.Id, open, "Added a crash.")).Done);
        var resolved = await CreateAsync(cast, cast.Commenter, 1, "Resolved thought.");
        Assert.True((await notesApp.Notes.ResolveAsync(cast.ScriptId, cast.Writer.Id, resolved)).Done);

        var plain = await PdfLinesAsync(cast.Reader, $"/scripts/{cast.ScriptId}/export/pdf");
        var noted = await PdfLinesAsync(cast.Reader, $"/scripts/{cast.ScriptId}/export/pdf?openNotes=true&paper=a4");

        Assert.DoesNotContain("NOTES", plain);
        // Right after the scene's last line, before the next heading: the heading, then the note (wrapped on two lines).
        var at = noted.IndexOf("Somebody threw a stone.") + 1;
        Assert.True(noted[at] == "NOTES", string.Join(" | ", noted));
        Assert.StartsWith("- Dana Director, ", noted[at + 1], StringComparison.Ordinal);
        Assert.EndsWith(": Make the stone louder. (1 reply)", noted[at + 1] + " " + noted[at + 2], StringComparison.Ordinal);
        Assert.Matches("^(INT|EXT)\\. ", noted[at + 3]);
        Assert.DoesNotContain(noted, l => l.Contains("Resolved thought", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_notes_report_lists_scenes_threads_and_replies_and_detached_notes_for_members_only()
    {
        var cast = await notesApp.CastAsync();
        await CreateAsync(cast, cast.Commenter, 2, "Board it **later**.");
        var gone = await CreateAsync(cast, cast.Commenter, 1, "The boy needs a name.");
        Assert.True((await notesApp.Notes.ReplyAsync(cast.ScriptId, cast.Owner.Id, gone, "Call him Tom.")).Done);
        var text = Notes.NotesApp.Text.ReplaceLineEndings("\n");
        var garden = text.IndexOf("EXT. GARDEN", StringComparison.Ordinal);
        var later = text.IndexOf("INT. KITCHEN - LATER", StringComparison.Ordinal);
        await cast.Owner.SaveTextAsync(cast.ScriptId, text[..garden] + text[later..]); // the garden scene is cut

        var lines = await PdfLinesAsync(cast.Reader, $"/scripts/{cast.ScriptId}/export/notes.pdf");
        Assert.Contains("2. INT. KITCHEN - LATER", lines);
        Assert.Contains("Board it later.", lines);
        var detached = lines.IndexOf("DETACHED NOTES (their scene was deleted)");
        Assert.True(detached > lines.IndexOf("Board it later."), string.Join(" | ", lines));
        Assert.Equal("WAS: EXT. GARDEN - NIGHT", lines[detached + 1]);
        Assert.StartsWith("[OPEN] Dana Director, ", lines[detached + 2], StringComparison.Ordinal);
        Assert.Equal("The boy needs a name.", lines[detached + 3]);
        Assert.StartsWith("Reply: Olive Owner, ", lines[detached + 4], StringComparison.Ordinal);

        var markdown = await cast.Reader.Client.GetAsync($"/scripts/{cast.ScriptId}/export/notes.md");
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var md = await markdown.Content.ReadAsStringAsync();
        Assert.Contains("## 2. INT\\. KITCHEN \\- LATER", md, StringComparison.Ordinal);
        Assert.Contains("  > Board it **later**.", md, StringComparison.Ordinal);
        Assert.Contains("### Was: EXT\\. GARDEN \\- NIGHT", md, StringComparison.Ordinal);

        foreach (var path in new[] { "notes.md", "notes.pdf", "pdf?openNotes=true" })
        {
            var refused = await cast.Stranger.Client.GetAsync($"/scripts/{cast.ScriptId}/export/{path}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    private async Task<Guid> CreateAsync(Cast cast, TestUser who, int scene, string body)
    {
        var scenes = await notesApp.Notes.ListScenesAsync(cast.ScriptId, who.Id);
        var result = await notesApp.Notes.CreateAsync(cast.ScriptId, who.Id, scenes![scene].Id, body);
        Assert.True(result.Done, result.Error);
        return result.NoteId!.Value;
    }

    internal static async Task<List<string>> PdfLinesAsync(TestUser user, string path)
    {
        var response = await user.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return [.. pdf.GetPages().SelectMany(page => page.Letters
            .Where(l => l.TextOrientation == UglyToad.PdfPig.Content.TextOrientation.Horizontal)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)).Trim())
            .Where(t => t.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d+\.$")))];
    }
}
