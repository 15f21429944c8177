using System.Collections.Immutable;
using Markdig;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Syntax;
using Screenplay.Web.Notes;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Export;

/// <summary>
/// Reads a script's notes for one caller (through <see cref="ScriptNotes"/>, so its access rules apply) and shapes
/// them for export: the whole report, or the open notes to print after each scene of the draft PDF. Both lay out the
/// text the scene ids describe (<see cref="ScriptNotes.SceneTextAsync"/>: the live session's while the script is
/// open, else the stored text), so every note is printed by the scene it is on. Scene numbers come from that text (a
/// written <c>#12A#</c> number, else the scene's place).
/// </summary>
internal sealed class NotesReportQuery(ScriptNotes notes)
{
    /// <summary>The report; null when the caller may not read the script.</summary>
    /// <remarks>A pinned passage is quoted from the text it is followed in.</remarks>
    public async Task<NotesReport?> ReportAsync(Guid scriptId, string? userId, string title)
    {
        // Threads first: listing them adopts passages pinned on another instance into this one's session.
        var threads = await notes.ListThreadsAsync(scriptId, userId);
        var detached = await notes.ListDetachedAsync(scriptId, userId);
        var text = await notes.SceneTextAsync(scriptId, userId);
        if (threads is null || detached is null || text is null) return null;

        var document = ScriptLayout.Parse(text.Text);
        var placed = threads.Where(t => !t.Root.Deleted).Select(text.Place).ToList();
        var byScene = placed.Where(t => !t.Detached).ToLookup(t => t.Scene.Id);
        var reportScenes = text.Scenes.Where(s => byScene.Contains(s.Id))
            .Select(s => new NotesReportScene(Number(document, s.Ordinal), s.Heading, [.. byScene[s.Id].Select(t => Thread(t, text.Text))]))
            .ToList();
        // Most recently deleted scenes first, as listed; a scene only this text lacks (it is newer) after them.
        var order = detached.Select((d, n) => (d.Id, n)).ToDictionary(d => d.Id, d => d.n);
        var reportDetached = placed.Where(t => t.Detached).GroupBy(t => t.Scene.Id)
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue))
            .Select(g => new NotesReportScene(null, g.First().Scene.Heading, [.. g.Select(t => Thread(t, text.Text))]))
            .ToList();
        return new NotesReport(title, reportScenes, reportDetached);
    }

    /// <summary>
    /// The text to print and its open notes per scene for <see cref="PageLayout.SceneNotes"/>; null when the caller may
    /// not read the script.
    /// </summary>
    public async Task<(string Text, ImmutableArray<SceneNotes> Notes)?> OpenNotesAsync(Guid scriptId, string? userId)
    {
        var threads = await notes.ListThreadsAsync(scriptId, userId, new NoteFilter(Status: NoteStatus.Open));
        var text = await notes.SceneTextAsync(scriptId, userId);
        if (threads is null || text is null) return null;
        return (text.Text, [.. threads.Select(text.Place).Where(t => !t.Detached && !t.Root.Deleted)
            .GroupBy(t => t.Scene.Ordinal!.Value)
            .Select(g => new SceneNotes(g.Key, [.. g.Select(PrintedItem)]))]);
    }

    /// <summary>"Dana Director, 23 Nov: Louder birds. (2 replies)": one line of the printed NOTES list.</summary>
    internal static string PrintedItem(ThreadView thread)
    {
        var replies = thread.Replies.Count(r => !r.Deleted);
        var when = thread.Root.CreatedAt.ToUniversalTime().ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture);
        var body = Markdown.ToPlainText(thread.Root.Body).Trim();
        return $"{thread.Root.AuthorName}, {when}: {body}" + (replies == 0 ? "" : $" ({replies} repl{(replies == 1 ? "y" : "ies")})");
    }

    /// <param name="text">The text the thread was placed in (<see cref="SceneText.Place"/>): its passage is in it.</param>
    private static NotesReportThread Thread(ThreadView thread, string text) => new(
        Entry(thread.Root),
        thread.Status == NoteStatus.Resolved,
        thread.Passage is { } p && p.From >= 0 && p.To <= text.Length && p.To > p.From ? text[p.From..p.To] : null,
        [.. thread.Replies.Where(r => !r.Deleted).Select(Entry)]);

    private static NotesReportEntry Entry(NoteView note) => new(note.AuthorName, note.CreatedAt, note.Body);

    private static string Number(Document document, int ordinal) =>
        ordinal < document.Scenes.Length && document.Scenes[ordinal].Number is { } written
            ? written
            : (ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
