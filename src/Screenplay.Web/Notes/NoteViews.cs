namespace Screenplay.Web.Notes;

// What the notes UI renders. Everything here is computed for one caller: names resolved, bodies rendered to safe
// HTML, and what the caller may do with each note.

/// <summary>A person named in a note with <c>@name</c>.</summary>
public sealed record MentionView(string UserId, string Name);

/// <summary>A scene as a note sees it: where it is now, or that it is gone (then the note is detached).</summary>
public sealed record SceneRef(Guid Id, int? Ordinal, string Heading, bool Vanished);

/// <summary>A pinned passage in the coordinates of the live document at <paramref name="Version"/>.</summary>
public sealed record PassageView(int From, int To, int Version);

/// <summary>
/// One note of a thread. A deleted note keeps its place in the thread; its body (<see cref="Body"/>,
/// <see cref="Html"/>) is empty except for the script's owner, who may restore it.
/// </summary>
public sealed record NoteView(
    Guid Id,
    Guid ThreadId,
    string? AuthorId,
    string AuthorName,
    string Body,
    string Html,
    IReadOnlyList<MentionView> Mentions,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    string? DeletedByName,
    DateTimeOffset? DeletedAt,
    bool CanEdit,
    bool CanDelete,
    bool CanRestore);

/// <summary>A thread: its root note, the replies in order, its status and scene.</summary>
public sealed record ThreadView(
    NoteView Root,
    IReadOnlyList<NoteView> Replies,
    SceneRef Scene,
    PassageView? Passage,
    NoteStatus Status,
    string? ResolvedByName,
    DateTimeOffset? ResolvedAt,
    bool MentionsMe,
    bool CanReply,
    bool CanResolve,
    bool CanMove)
{
    public Guid Id => Root.Id;

    /// <summary>The scene it belongs to is gone from the text; a writer can re-attach it to another scene.</summary>
    public bool Detached => Scene.Vanished;
}

/// <summary>A scene of the current text with its note counts (threads, not replies; deleted threads left out).</summary>
public sealed record SceneSummary(Guid Id, int Ordinal, string Heading, int OpenNotes, int ResolvedNotes);

/// <summary>A vanished scene that has notes: its last heading and text, and its threads.</summary>
public sealed record DetachedScene(Guid Id, string Heading, string Text, DateTimeOffset? VanishedAt, IReadOnlyList<ThreadView> Threads);

/// <summary>Which threads to list; every filter is optional and they combine.</summary>
public sealed record NoteFilter(Guid? SceneId = null, NoteStatus? Status = null, string? AuthorId = null, bool MentionsMe = false)
{
    /// <summary>Whether <paramref name="thread"/> is listed; the author filter matches any note of the thread.</summary>
    public bool Matches(ThreadView thread) =>
        (SceneId is not { } scene || thread.Scene.Id == scene)
        && (Status is not { } status || thread.Status == status)
        && (AuthorId is not { } author || thread.Root.AuthorId == author || thread.Replies.Any(r => r.AuthorId == author))
        && (!MentionsMe || thread.MentionsMe);
}

/// <summary>A passage to pin, as the editor saw it: offsets in the document at <paramref name="Version"/>.</summary>
public sealed record PassageInput(int From, int To, int Version);

public enum NoteOutcome
{
    Done,

    /// <summary>A stranger, a deleted script, or no such note/scene in this script (indistinguishable on purpose).</summary>
    NotFound,

    /// <summary>A member whose role (or authorship) does not allow this.</summary>
    Forbidden,

    /// <summary>The input is wrong (empty or too long a body, a passage that does not fit); <see cref="NoteResult.Error"/> says how.</summary>
    Invalid,
}

/// <summary>The answer to a write. <see cref="NoteId"/> is the note written (a new note's id).</summary>
public sealed record NoteResult(NoteOutcome Outcome, Guid? NoteId = null, string? Error = null)
{
    public bool Done => Outcome == NoteOutcome.Done;

    internal static NoteResult Ok(Guid id) => new(NoteOutcome.Done, id);
    internal static readonly NoteResult NotFound = new(NoteOutcome.NotFound);
    internal static readonly NoteResult Forbidden = new(NoteOutcome.Forbidden);
    internal static NoteResult Invalid(string error) => new(NoteOutcome.Invalid, null, error);
}
