using System.Collections.Immutable;
using Markdig;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Syntax;
using Screenplay.Web.Notes;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Export;

/// <summary>
/// Reads a script's notes for one caller (through <see cref="ScriptNotes"/>, so its access rules apply) and shapes
/// them for export: the whole report, or the open notes to print after each scene of the draft PDF. Scene numbers
/// come from the text being exported (a written <c>#12A#</c> number, else the scene's place).
/// </summary>
internal sealed class NotesReportQuery(ScriptNotes notes)
{
    /// <summary>The report; null when the caller may not read the script.</summary>
    /// <remarks>A pinned passage is quoted when its offsets are in the exported text's version (<paramref name="version"/>).</remarks>
    public async Task<NotesReport?> ReportAsync(Guid scriptId, string? userId, string title, string text, int version)
    {
        var document = ScriptLayout.Parse(text);
        var threads = await notes.ListThreadsAsync(scriptId, userId);
        var scenes = await notes.ListScenesAsync(scriptId, userId);
        var detached = await notes.ListDetachedAsync(scriptId, userId);
        if (threads is null || scenes is null || detached is null) return null;

        var byScene = threads.Where(t => !t.Detached && !t.Root.Deleted).ToLookup(t => t.Scene.Id);
        var reportScenes = scenes.Where(s => byScene.Contains(s.Id))
            .Select(s => new NotesReportScene(Number(document, s.Ordinal), s.Heading, [.. byScene[s.Id].Select(t => Thread(t, text, version))]))
            .ToList();
        var reportDetached = detached
            .Select(d => new NotesReportScene(null, d.Heading, [.. d.Threads.Where(t => !t.Root.Deleted).Select(t => Thread(t, text, -1))]))
            .Where(d => d.Threads.Count > 0)
            .ToList();
        return new NotesReport(title, reportScenes, reportDetached);
    }

    /// <summary>Open notes per scene for <see cref="PageLayout.SceneNotes"/>; null when the caller may not read the script.</summary>
    public async Task<ImmutableArray<SceneNotes>?> OpenNotesAsync(Guid scriptId, string? userId)
    {
        var threads = await notes.ListThreadsAsync(scriptId, userId, new NoteFilter(Status: NoteStatus.Open));
        if (threads is null) return null;
        return [.. threads.Where(t => !t.Detached && !t.Root.Deleted && t.Scene.Ordinal is not null)
            .GroupBy(t => t.Scene.Ordinal!.Value)
            .Select(g => new SceneNotes(g.Key, [.. g.Select(PrintedItem)]))];
    }

    /// <summary>"Dana Director, 23 Nov: Louder birds. (2 replies)": one line of the printed NOTES list.</summary>
    internal static string PrintedItem(ThreadView thread)
    {
        var replies = thread.Replies.Count(r => !r.Deleted);
        var when = thread.Root.CreatedAt.ToUniversalTime().ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture);
        var body = Markdown.ToPlainText(thread.Root.Body).Trim();
        return $"{thread.Root.AuthorName}, {when}: {body}" + (replies == 0 ? "" : $" ({replies} repl{(replies == 1 ? "y" : "ies")})");
    }

    private static NotesReportThread Thread(ThreadView thread, string text, int version) => new(
        Entry(thread.Root),
        thread.Status == NoteStatus.Resolved,
        thread.Passage is { } p && p.Version == version && p.From >= 0 && p.To <= text.Length && p.To > p.From ? text[p.From..p.To] : null,
        [.. thread.Replies.Where(r => !r.Deleted).Select(Entry)]);

    private static NotesReportEntry Entry(NoteView note) => new(note.AuthorName, note.CreatedAt, note.Body);

    private static string Number(Document document, int ordinal) =>
        ordinal < document.Scenes.Length && document.Scenes[ordinal].Number is { } written
            ? written
            : (ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
