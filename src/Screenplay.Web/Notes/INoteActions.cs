namespace Screenplay.Web.Notes;

/// <summary>What a thread's buttons do, for the viewer: <see cref="NotesPanel"/> binds them to <see cref="ScriptNotes"/> for this script and user.</summary>
public interface INoteActions
{
    Task<NoteResult> ReplyAsync(Guid threadId, string body);

    Task<NoteResult> EditAsync(Guid noteId, string body);

    Task<NoteResult> DeleteAsync(Guid noteId);

    Task<NoteResult> RestoreAsync(Guid noteId);

    Task<NoteResult> ResolveAsync(Guid threadId);

    Task<NoteResult> ReopenAsync(Guid threadId);

    Task<NoteResult> MoveAsync(Guid threadId, Guid sceneId);
}
