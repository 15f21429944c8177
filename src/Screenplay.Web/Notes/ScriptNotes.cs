using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Scenes;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Notes;

/// <summary>
/// Notes on a script's scenes, for one caller at a time (<c>userId</c>, from <see cref="ScriptAccess.UserId"/>). Every
/// call checks <see cref="ScriptAccess"/>: Owner, Writer and Commenter write notes, Reader reads them, a stranger gets
/// nothing (<see cref="NoteOutcome.NotFound"/>, or null from a read). Authors edit and delete their own notes (the
/// owner may delete any), only the owner restores a deleted one, anyone who writes notes resolves and reopens
/// threads, and Writers (and the owner) move a thread to another scene, which is how a detached thread is
/// re-attached. Every change is announced through <see cref="NoteEvents"/>. Shape: docs/notes.md.
/// </summary>
internal sealed partial class ScriptNotes(
    IDbContextFactory<ScreenplayDbContext> dbFactory,
    ScriptAccess access,
    ScriptSessions sessions,
    NoteEvents events,
    TimeProvider time)
{
    public async Task<NoteResult> CreateAsync(Guid scriptId, string? userId, Guid sceneId, string body, PassageInput? passage = null)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Comment);
        if (refused is not null) return refused;
        if (BodyError(body) is { } error) return NoteResult.Invalid(error);

        // A scene id comes from the scene rows (ListScenesAsync made sure they exist) or from the session that wrote them.
        await using var db = await dbFactory.CreateDbContextAsync();
        var scene = await db.Scenes.AsNoTracking().Where(s => s.Id == sceneId && s.ScriptId == scriptId)
            .Select(s => new { s.Ordinal }).SingleOrDefaultAsync();
        if (scene is null) return NoteResult.NotFound;
        if (scene.Ordinal is null) return NoteResult.Invalid("That scene is no longer in the script.");

        var note = new SceneNote
        {
            Id = Guid.CreateVersion7(),
            ScriptId = scriptId,
            SceneId = sceneId,
            AuthorId = grant!.UserId,
            Body = body,
            Mentions = [.. NoteMentions.Find(body, await PeopleAsync(db, scriptId))],
            Status = NoteStatus.Open,
            CreatedAt = time.GetUtcNow(),
        };

        SceneTracker? pinnedBy = null;
        if (passage is not null)
        {
            var (pinned, pinError, tracker) = await sessions.UseScenesAsync(scriptId, async (_, tracker) =>
            {
                if (tracker is null) return ((PassageView?)null, (string?)"the script's scenes could not be loaded; try again after reopening it", (SceneTracker?)null);
                var (view, why) = await tracker.PinAsync(note.Id, sceneId, new PassagePin(passage.From, passage.To), passage.Version);
                return (view, why, (SceneTracker?)tracker);
            });
            if (pinned is null) return NoteResult.Invalid($"The passage cannot be pinned: {pinError}.");
            (note.PassageFrom, note.PassageTo, note.PassageVersion, pinnedBy) = (pinned.From, pinned.To, pinned.Version, tracker);
        }

        db.Notes.Add(note);
        try
        {
            await db.SaveChangesAsync();
        }
        catch
        {
            pinnedBy?.Unpin(note.Id);
            throw;
        }

        await events.NoteChangedAsync(new NoteEvent(scriptId, note.Id, note.Id, sceneId, "created", grant.UserId));
        return NoteResult.Ok(note.Id);
    }

    public async Task<NoteResult> ReplyAsync(Guid scriptId, string? userId, Guid threadId, string body)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Comment);
        if (refused is not null) return refused;
        if (BodyError(body) is { } error) return NoteResult.Invalid(error);
        await using var db = await dbFactory.CreateDbContextAsync();
        var root = await db.Notes.AsNoTracking().Where(n => n.Id == threadId && n.ScriptId == scriptId && n.ParentId == null)
            .Select(n => new { n.SceneId }).SingleOrDefaultAsync();
        if (root is null) return NoteResult.NotFound;

        var reply = new SceneNote
        {
            Id = Guid.CreateVersion7(),
            ScriptId = scriptId,
            SceneId = root.SceneId,
            ParentId = threadId,
            AuthorId = grant!.UserId,
            Body = body,
            Mentions = [.. NoteMentions.Find(body, await PeopleAsync(db, scriptId))],
            CreatedAt = time.GetUtcNow(),
        };
        db.Notes.Add(reply);
        await db.SaveChangesAsync();
        await events.NoteChangedAsync(new NoteEvent(scriptId, reply.Id, threadId, root.SceneId, "replied", grant.UserId));
        return NoteResult.Ok(reply.Id);
    }

    /// <summary>Changes the body of the caller's own note (not a deleted one).</summary>
    public async Task<NoteResult> EditAsync(Guid scriptId, string? userId, Guid noteId, string body)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Comment);
        if (refused is not null) return refused;
        if (BodyError(body) is { } error) return NoteResult.Invalid(error);
        await using var db = await dbFactory.CreateDbContextAsync();
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.ScriptId == scriptId);
        if (note is null) return NoteResult.NotFound;
        if (note.AuthorId != grant!.UserId) return NoteResult.Forbidden;
        if (note.DeletedAt is not null) return NoteResult.Invalid("A deleted note cannot be edited; restore it first.");
        note.Body = body;
        note.Mentions = [.. NoteMentions.Find(body, await PeopleAsync(db, scriptId))];
        note.EditedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
        await events.NoteChangedAsync(new NoteEvent(scriptId, note.Id, note.ParentId ?? note.Id, note.SceneId, "edited", grant.UserId));
        return NoteResult.Ok(note.Id);
    }

    /// <summary>Soft-deletes the caller's own note (the owner may delete anyone's); replies of a deleted root stay.</summary>
    public async Task<NoteResult> DeleteAsync(Guid scriptId, string? userId, Guid noteId)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Comment);
        if (refused is not null) return refused;
        await using var db = await dbFactory.CreateDbContextAsync();
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.ScriptId == scriptId);
        if (note is null) return NoteResult.NotFound;
        if (note.AuthorId != grant!.UserId && grant.Role != ScriptRole.Owner) return NoteResult.Forbidden;
        if (note.DeletedAt is not null) return NoteResult.Ok(note.Id);
        note.DeletedAt = time.GetUtcNow();
        note.DeletedById = grant.UserId;
        await db.SaveChangesAsync();
        await events.NoteChangedAsync(new NoteEvent(scriptId, note.Id, note.ParentId ?? note.Id, note.SceneId, "deleted", grant.UserId));
        return NoteResult.Ok(note.Id);
    }

    /// <summary>Brings a deleted note back (the script's owner only).</summary>
    public async Task<NoteResult> RestoreAsync(Guid scriptId, string? userId, Guid noteId)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Comment);
        if (refused is not null) return refused;
        await using var db = await dbFactory.CreateDbContextAsync();
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.ScriptId == scriptId);
        if (note is null) return NoteResult.NotFound;
        if (grant!.Role != ScriptRole.Owner) return NoteResult.Forbidden;
        if (note.DeletedAt is null) return NoteResult.Ok(note.Id);
        note.DeletedAt = null;
        note.DeletedById = null;
        await db.SaveChangesAsync();
        await events.NoteChangedAsync(new NoteEvent(scriptId, note.Id, note.ParentId ?? note.Id, note.SceneId, "restored", grant.UserId));
        return NoteResult.Ok(note.Id);
    }

    public Task<NoteResult> ResolveAsync(Guid scriptId, string? userId, Guid threadId) => SetStatusAsync(scriptId, userId, threadId, NoteStatus.Resolved);

    public Task<NoteResult> ReopenAsync(Guid scriptId, string? userId, Guid threadId) => SetStatusAsync(scriptId, userId, threadId, NoteStatus.Open);

    /// <summary>
    /// Moves a whole thread to <paramref name="sceneId"/> (a scene in the text): how a writer re-attaches a detached
    /// thread. The passage pin is dropped for good (it belonged to the old scene's text): a passage stored as gone is
    /// never written again (<see cref="SceneStore"/>), so a save of the old offsets already under way, here or on
    /// another instance, loses.
    /// </summary>
    public async Task<NoteResult> MoveAsync(Guid scriptId, string? userId, Guid threadId, Guid sceneId)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Edit);
        if (refused is not null) return refused;
        await using var db = await dbFactory.CreateDbContextAsync();
        var root = await db.Notes.SingleOrDefaultAsync(n => n.Id == threadId && n.ScriptId == scriptId && n.ParentId == null);
        if (root is null) return NoteResult.NotFound;
        var target = await db.Scenes.AsNoTracking().Where(s => s.Id == sceneId && s.ScriptId == scriptId).Select(s => new { s.Ordinal }).SingleOrDefaultAsync();
        if (target is null) return NoteResult.NotFound;
        if (target.Ordinal is null) return NoteResult.Invalid("That scene is no longer in the script.");
        if (root.SceneId == sceneId) return NoteResult.Ok(root.Id);

        await db.Notes.Where(n => n.ScriptId == scriptId && (n.Id == threadId || n.ParentId == threadId))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.SceneId, sceneId));
        if (root.PassageFrom is not null)
        {
            await db.Notes.Where(n => n.Id == threadId).ExecuteUpdateAsync(u => u
                .SetProperty(n => n.PassageFrom, (int?)null).SetProperty(n => n.PassageTo, (int?)null));
            // Other instances drop it when they hear the "moved" event (SceneTracker.FollowAsync).
            await sessions.UseLoadedScenesAsync(scriptId, (_, tracker) =>
            {
                tracker.Unpin(threadId);
                return Task.FromResult(tracker);
            });
        }

        await events.NoteChangedAsync(new NoteEvent(scriptId, threadId, threadId, sceneId, "moved", grant!.UserId));
        return NoteResult.Ok(threadId);
    }

    private async Task<NoteResult> SetStatusAsync(Guid scriptId, string? userId, Guid threadId, NoteStatus status)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Comment);
        if (refused is not null) return refused;
        await using var db = await dbFactory.CreateDbContextAsync();
        var root = await db.Notes.SingleOrDefaultAsync(n => n.Id == threadId && n.ScriptId == scriptId && n.ParentId == null);
        if (root is null) return NoteResult.NotFound;
        if (root.Status == status) return NoteResult.Ok(root.Id);
        root.Status = status;
        (root.ResolvedById, root.ResolvedAt) = status == NoteStatus.Resolved ? (grant!.UserId, time.GetUtcNow()) : ((string?)null, (DateTimeOffset?)null);
        await db.SaveChangesAsync();
        await events.NoteChangedAsync(new NoteEvent(scriptId, root.Id, root.Id, root.SceneId,
            status == NoteStatus.Resolved ? "resolved" : "reopened", grant!.UserId));
        return NoteResult.Ok(root.Id);
    }

    /// <summary>The caller's grant when <paramref name="action"/> is allowed; otherwise the refusal to return.</summary>
    private async Task<(ScriptGrant? Grant, NoteResult? Refused)> CheckAsync(Guid scriptId, string? userId, ScriptAction action)
    {
        var check = await access.CheckAsync(scriptId, userId, action);
        return check.Outcome switch
        {
            AccessOutcome.Allowed => (check.Grant, null),
            AccessOutcome.Forbidden => (null, NoteResult.Forbidden),
            _ => (null, NoteResult.NotFound),
        };
    }

    private static string? BodyError(string? body) =>
        string.IsNullOrWhiteSpace(body) ? "Write something first: the note is empty."
        : body.Length > NotesModel.MaxBodyLength ? $"The note is too long: {body.Length:N0} characters, at most {NotesModel.MaxBodyLength:N0}."
        : null;

    private static async Task<List<MentionablePerson>> PeopleAsync(ScreenplayDbContext db, Guid scriptId) =>
        await db.ScriptMembers.AsNoTracking().Where(m => m.ScriptId == scriptId)
            .Select(m => new MentionablePerson(m.UserId, m.User!.DisplayName, m.User.Email)).ToListAsync();
}
