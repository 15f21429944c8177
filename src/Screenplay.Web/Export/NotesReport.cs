namespace Screenplay.Web.Export;

/// <summary>
/// What a notes report prints: the script's scenes in order with their note threads, then the detached notes (their
/// scene was deleted) under the heading the scene last had. Built from the database by <see cref="NotesReportQuery"/>;
/// written by <see cref="NotesReportMarkdown"/> and <see cref="NotesReportPdf"/>.
/// </summary>
internal sealed record NotesReport(string Title, IReadOnlyList<NotesReportScene> Scenes, IReadOnlyList<NotesReportScene> Detached)
{
    public bool IsEmpty => Scenes.Count == 0 && Detached.Count == 0;
}

/// <summary>A scene (or a deleted scene's last heading) and its threads, oldest first.</summary>
internal sealed record NotesReportScene(string? Number, string Heading, IReadOnlyList<NotesReportThread> Threads);

/// <summary>A note with its state, the passage it pins (if any) and its replies, oldest first.</summary>
internal sealed record NotesReportThread(NotesReportEntry Note, bool Resolved, string? Passage, IReadOnlyList<NotesReportEntry> Replies);

/// <summary>One note or reply: who, when, and the Markdown body.</summary>
internal sealed record NotesReportEntry(string Author, DateTimeOffset At, string Body)
{
    /// <summary>"23 Nov 2026 14:05 UTC": the same for every reader of the report, whatever their time zone.</summary>
    public string When => At.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
