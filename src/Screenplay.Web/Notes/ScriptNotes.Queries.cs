using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Scenes;
using Screenplay.Web.Data;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Notes;

// Reads: threads as the caller may see them, scenes with counts, detached threads, people to mention.
internal sealed partial class ScriptNotes
{
    /// <summary>The script's threads matching <paramref name="filter"/>, in scene order (detached last), oldest first; null for a stranger.</summary>
    public async Task<IReadOnlyList<ThreadView>?> ListThreadsAsync(Guid scriptId, string? userId, NoteFilter? filter = null)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Read);
        if (refused is not null) return null;
        filter ??= new NoteFilter();
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.Notes.AsNoTracking().Where(n => n.ScriptId == scriptId);
        if (filter.SceneId is { } sceneId) query = query.Where(n => n.SceneId == sceneId);
        var threads = await ThreadsAsync(db, scriptId, grant!, await query.ToListAsync());
        return [.. threads.Where(filter.Matches)];
    }

    /// <summary>One thread; null when the caller may not read the script or there is no such thread in it.</summary>
    public async Task<ThreadView?> GetThreadAsync(Guid scriptId, string? userId, Guid threadId)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Read);
        if (refused is not null) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.ScriptId == scriptId && (n.Id == threadId || n.ParentId == threadId)).ToListAsync();
        return (await ThreadsAsync(db, scriptId, grant!, notes)).SingleOrDefault(t => t.Id == threadId);
    }

    /// <summary>The scenes of the current text in order, with their open and resolved thread counts; null for a stranger.</summary>
    public async Task<IReadOnlyList<SceneSummary>?> ListScenesAsync(Guid scriptId, string? userId)
    {
        var (_, refused) = await CheckAsync(scriptId, userId, ScriptAction.Read);
        if (refused is not null) return null;
        // Opening the session gives a script that has never been opened since notes came its scene rows.
        await sessions.UseAsync(scriptId, _ => Task.FromResult(0));
        await using var db = await dbFactory.CreateDbContextAsync();
        var scenes = await db.Scenes.AsNoTracking().Where(s => s.ScriptId == scriptId && s.Ordinal != null)
            .OrderBy(s => s.Ordinal).Select(s => new { s.Id, s.Ordinal, s.Heading }).ToListAsync();
        var counts = await db.Notes.AsNoTracking()
            .Where(n => n.ScriptId == scriptId && n.ParentId == null && n.DeletedAt == null)
            .GroupBy(n => new { n.SceneId, n.Status }).Select(g => new { g.Key.SceneId, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        int Count(Guid id, NoteStatus status) => counts.Where(c => c.SceneId == id && c.Status == status).Sum(c => c.Count);
        return [.. scenes.Select(s => new SceneSummary(s.Id, s.Ordinal!.Value, s.Heading, Count(s.Id, NoteStatus.Open), Count(s.Id, NoteStatus.Resolved)))];
    }

    /// <summary>Vanished scenes that still have threads, most recently vanished first, with their last heading and text; null for a stranger.</summary>
    public async Task<IReadOnlyList<DetachedScene>?> ListDetachedAsync(Guid scriptId, string? userId)
    {
        var (grant, refused) = await CheckAsync(scriptId, userId, ScriptAction.Read);
        if (refused is not null) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.ScriptId == scriptId && db.Scenes.Any(s => s.Id == n.SceneId && s.Ordinal == null)).ToListAsync();
        var threads = await ThreadsAsync(db, scriptId, grant!, notes);
        var sceneIds = threads.Select(t => t.Scene.Id).Distinct().ToList();
        var scenes = await db.Scenes.AsNoTracking().Where(s => sceneIds.Contains(s.Id)).ToListAsync();
        return [.. scenes.OrderByDescending(s => s.VanishedAt).ThenByDescending(s => s.Version)
            .Select(s => new DetachedScene(s.Id, s.Heading, s.VanishedText ?? "", s.VanishedAt, [.. threads.Where(t => t.Scene.Id == s.Id)]))];
    }

    /// <summary>The people on the script, for <c>@</c> completion; null for a stranger.</summary>
    public async Task<IReadOnlyList<MentionView>?> ListPeopleAsync(Guid scriptId, string? userId)
    {
        var (_, refused) = await CheckAsync(scriptId, userId, ScriptAction.Read);
        if (refused is not null) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        return [.. (await PeopleAsync(db, scriptId)).Select(p => new MentionView(p.UserId, p.DisplayName)).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>
    /// The script's text with the scenes that describe it, for laying out notes beside their scenes (exports, the
    /// script page); null for a stranger. The live session's text, scene ids and passages when this instance holds
    /// the script. Otherwise what is stored, without loading anything: the <c>scripts</c> row's text, the scene rows
    /// and stored passages (a script nobody opened since it was imported has no scene rows, and so no notes), unless
    /// the scene rows are newer than that text (a session on another instance is ahead of the copy): then the script's
    /// session is loaded here, caught up with the log, and its snapshot taken.
    /// </summary>
    public async Task<SceneText?> SceneTextAsync(Guid scriptId, string? userId)
    {
        var (_, refused) = await CheckAsync(scriptId, userId, ScriptAction.Read);
        if (refused is not null) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var scenesAt = await db.Scenes.Where(s => s.ScriptId == scriptId).MaxAsync(s => (int?)s.Version) ?? -1;
        if (await sessions.UseLoadedScenesAsync(scriptId, (_, tracker) => tracker.SnapshotAsync(scenesAt)) is { } live) return live;

        var stored = await db.Scripts.AsNoTracking().Where(s => s.Id == scriptId).Select(s => new { s.Text, s.Version }).SingleAsync();
        if (scenesAt > stored.Version)
        {
            var caughtUp = await sessions.UseScenesAsync(scriptId, async (_, tracker) => tracker is null ? null : await tracker.SnapshotAsync(scenesAt));
            if (caughtUp is not null) return caughtUp;
        }

        var scenes = await db.Scenes.AsNoTracking().Where(s => s.ScriptId == scriptId && s.Ordinal != null).OrderBy(s => s.Ordinal)
            .Select(s => new SceneHead(s.Id, s.Ordinal!.Value, s.Heading)).ToListAsync();
        var passages = await db.Notes.AsNoTracking()
            .Where(n => n.ScriptId == scriptId && n.ParentId == null && n.PassageFrom != null && n.PassageTo != null && n.PassageVersion == stored.Version)
            .Select(n => new { n.Id, From = n.PassageFrom!.Value, To = n.PassageTo!.Value }).ToDictionaryAsync(n => n.Id, n => new PassageView(n.From, n.To, stored.Version));
        return new SceneText(stored.Text, stored.Version, scenes, passages);
    }

    /// <summary>
    /// The roots' passages: as this instance's live session follows them when it holds the script (one pinned on
    /// another instance, or stored before this session caught up, is adopted from what is stored), else as stored.
    /// A passage stored as gone stays gone, whatever a session still holds (a move drops it for good).
    /// </summary>
    private async Task<Dictionary<Guid, PassageView>> PassagesAsync(Guid scriptId, IEnumerable<SceneNote> notes)
    {
        var stored = notes
            .Where(n => n.ParentId is null && n.PassageFrom is not null && n.PassageTo is not null && n.PassageVersion is not null)
            .ToDictionary(n => n.Id, n => new PassageView(n.PassageFrom!.Value, n.PassageTo!.Value, n.PassageVersion!.Value));
        if (stored.Count == 0) return stored;
        return await sessions.UseLoadedScenesAsync(scriptId, async (_, tracker) =>
        {
            var live = new Dictionary<Guid, PassageView>();
            foreach (var (id, p) in stored)
            {
                if (await tracker.AdoptAsync(id, new PassagePin(p.From, p.To), p.Version) is { } view) live[id] = view;
            }
            return live;
        }) ?? stored;
    }

    private async Task<List<ThreadView>> ThreadsAsync(ScreenplayDbContext db, Guid scriptId, ScriptGrant grant, List<SceneNote> notes)
    {
        var sceneIds = notes.Select(n => n.SceneId).Distinct().ToList();
        var scenes = await db.Scenes.AsNoTracking().Where(s => sceneIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new SceneRef(s.Id, s.Ordinal, s.Heading, s.Ordinal == null));
        var userIds = notes.SelectMany(n => new[] { n.AuthorId, n.DeletedById, n.ResolvedById }.Concat(n.Mentions))
            .OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        string NameOf(string? id) => id is not null && names.TryGetValue(id, out var name) ? name : "Someone";

        var passages = await PassagesAsync(scriptId, notes);

        var isOwner = grant.Role == ScriptRole.Owner;
        var canComment = ScriptAccess.Allows(grant.Role, ScriptAction.Comment);
        NoteView View(SceneNote n)
        {
            var deleted = n.DeletedAt is not null;
            var showBody = !deleted || isOwner;
            return new NoteView(n.Id, n.ParentId ?? n.Id, n.AuthorId, NameOf(n.AuthorId),
                showBody ? n.Body : "", showBody ? NoteMarkdown.ToHtml(n.Body) : "",
                [.. n.Mentions.Select(m => new MentionView(m, NameOf(m)))],
                n.CreatedAt, n.EditedAt, deleted, deleted ? NameOf(n.DeletedById) : null, n.DeletedAt,
                CanEdit: canComment && !deleted && n.AuthorId == grant.UserId,
                CanDelete: canComment && !deleted && (n.AuthorId == grant.UserId || isOwner),
                CanRestore: deleted && isOwner);
        }

        var replies = notes.Where(n => n.ParentId is not null).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToLookup(n => n.ParentId!.Value);
        var canMove = ScriptAccess.Allows(grant.Role, ScriptAction.Edit);
        return [.. notes.Where(n => n.ParentId is null)
            .Select(root =>
            {
                var scene = scenes.TryGetValue(root.SceneId, out var s) ? s : new SceneRef(root.SceneId, null, "", true);
                var passage = passages.GetValueOrDefault(root.Id);
                var thread = replies[root.Id].ToList();
                return new ThreadView(View(root), [.. thread.Select(View)], scene, scene.Vanished ? null : passage, root.Status,
                    root.ResolvedById is null ? null : NameOf(root.ResolvedById), root.ResolvedAt,
                    MentionsMe: root.Mentions.Contains(grant.UserId) || thread.Any(r => r.Mentions.Contains(grant.UserId) && r.DeletedAt == null),
                    CanReply: canComment, CanResolve: canComment, CanMove: canMove);
            })
            .OrderBy(t => t.Scene.Ordinal ?? int.MaxValue).ThenBy(t => t.Root.CreatedAt).ThenBy(t => t.Id)];
    }
}
