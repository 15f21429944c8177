using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Revisions;
using Screenplay.Web.Data;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Revisions;

/// <summary>A named draft as pages show it.</summary>
internal sealed record DraftView(long Id, int Version, string Name, RevisionColor Color, DateOnly Date, bool Locked);

/// <summary>
/// Named drafts, the locked baseline and locked scene numbers. A draft is a point of the log with a name, a
/// revision colour (the next in the industry order unless chosen) and a date; naming one writes a checkpoint there
/// so it opens instantly.
/// </summary>
internal sealed class Drafts(IDbContextFactory<ScreenplayDbContext> dbFactory, ScriptHistory history, Checkpoints checkpoints,
    LiveEdits edits, TimeProvider time)
{
    public async Task<List<DraftView>> ListAsync(Guid scriptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ScriptDrafts.AsNoTracking().Where(d => d.ScriptId == scriptId)
            .OrderBy(d => d.Version).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new DraftView(d.Id, d.Version, d.Name, RevisionColors.At(d.ColorIndex), d.Date, d.LockedAt is not null))];
    }

    /// <summary>Names the current head of the log. Without a colour, the draft takes the one after the newest draft's (White first).</summary>
    public async Task<DraftView> NameAsync(Guid scriptId, string? name, RevisionColor? color, DateOnly? date, string userId)
    {
        var numbers = await LockedNumbersAsync(scriptId);
        if (numbers is not null)
        {
            // New scenes get their lettered numbers before the draft is fixed.
            await UpdateNumbersAsync(scriptId, userId);
        }

        var version = await checkpoints.WriteDueAsync(scriptId, now: "draft");
        if (version < 0) version = await history.HeadVersionAsync(scriptId);
        await using var db = await dbFactory.CreateDbContextAsync();
        var newest = await db.ScriptDrafts.Where(d => d.ScriptId == scriptId).OrderByDescending(d => d.Id)
            .Select(d => (int?)d.ColorIndex).FirstOrDefaultAsync();
        color ??= newest is int index ? RevisionColors.At(index + 1) : RevisionColors.White;
        var now = time.GetUtcNow();
        var draft = new ScriptDraft
        {
            ScriptId = scriptId,
            Version = version,
            Name = CleanName(name, color),
            ColorIndex = color.Index,
            Date = date ?? DateOnly.FromDateTime(now.UtcDateTime),
            CreatedById = userId,
            CreatedAt = now,
        };
        db.ScriptDrafts.Add(draft);
        await db.SaveChangesAsync();
        return new DraftView(draft.Id, draft.Version, draft.Name, color, draft.Date, false);
    }

    /// <summary>
    /// Makes a draft the production baseline (the only one) and locks its pages: later PDFs mark what changed since
    /// it and keep its page numbers (A-pages, 12-13).
    /// </summary>
    public async Task<bool> LockAsync(Guid scriptId, long draftId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var version = await db.ScriptDrafts.Where(d => d.ScriptId == scriptId && d.Id == draftId).Select(d => (int?)d.Version).SingleOrDefaultAsync();
        if (version is null || await history.TextAtAsync(scriptId, version.Value) is not { } text) return false;
        List<int> pageEnds = [.. RevisionMarks.LockPages(text, PageLayout.Default).Ends];

        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = time.GetUtcNow();
        await db.ScriptDrafts.Where(d => d.ScriptId == scriptId && d.Id != draftId && d.LockedAt != null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedAt, (DateTimeOffset?)null).SetProperty(d => d.LockedPageEnds, (List<int>?)null));
        await db.ScriptDrafts.Where(d => d.Id == draftId)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedAt, now).SetProperty(d => d.LockedPageEnds, pageEnds));
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>The locked pages of a baseline draft, in its text; null when it is not locked.</summary>
    public async Task<LockedPages?> LockedPagesAsync(long draftId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ends = await db.ScriptDrafts.Where(d => d.Id == draftId && d.LockedAt != null).Select(d => d.LockedPageEnds).SingleOrDefaultAsync();
        return ends is null ? null : new LockedPages([.. ends]);
    }

    public async Task UnlockBaselineAsync(Guid scriptId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.ScriptDrafts.Where(d => d.ScriptId == scriptId)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedAt, (DateTimeOffset?)null).SetProperty(d => d.LockedPageEnds, (List<int>?)null));
    }

    /// <summary>The locked baseline, if any.</summary>
    public async Task<DraftView?> BaselineAsync(Guid scriptId)
    {
        var drafts = await ListAsync(scriptId);
        return drafts.LastOrDefault(d => d.Locked);
    }

    public async Task<List<string>?> LockedNumbersAsync(Guid scriptId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SceneNumberLocks.AsNoTracking().Where(l => l.ScriptId == scriptId).Select(l => l.Numbers).SingleOrDefaultAsync();
    }

    /// <summary>Numbers the scenes 1..n in the text (a live edit) and keeps the list.</summary>
    public async Task<LiveEditResult> LockNumbersAsync(Guid scriptId, string userId)
    {
        List<string> numbers = [];
        var result = await edits.ApplyAsync(scriptId, text =>
        {
            var plan = SceneNumbering.Lock(FountainText.Parse(text));
            numbers = [.. plan.Numbers];
            return plan.ApplyTo(text);
        }, userId, "scene-numbers");
        if (result.Done) await SaveNumbersAsync(scriptId, numbers, userId);
        return result;
    }

    /// <summary>Letters new scenes (12A...) and retires deleted ones (OMITTED) against the locked list.</summary>
    public async Task<LiveEditResult> UpdateNumbersAsync(Guid scriptId, string userId)
    {
        var locked = await LockedNumbersAsync(scriptId);
        if (locked is null) return new LiveEditResult(false, -1, "scene numbers are not locked");
        var numbers = locked;
        var result = await edits.ApplyAsync(scriptId, text =>
        {
            var plan = SceneNumbering.Update(FountainText.Parse(text), locked);
            numbers = [.. plan.Numbers];
            return plan.ApplyTo(text);
        }, userId, "scene-numbers");
        if (result.Done) await SaveNumbersAsync(scriptId, numbers, userId);
        return result;
    }

    /// <summary>
    /// Letters new scenes by itself after a pause in editing (<paramref name="pausedText"/>: the text when the pause
    /// began), through the live session so every editor sees it. Only when every new scene's heading line is complete
    /// (ends with a line break) and reads exactly as it did at the pause, so a heading someone is still typing is
    /// never rewritten; otherwise it waits for the next pause. No OMITTED placeholders are written (a deleted scene
    /// may be half of a move): "Number new scenes" and naming a draft place them.
    /// </summary>
    public async Task<LiveEditResult?> NumberSettledScenesAsync(Guid scriptId, string pausedText)
    {
        var locked = await LockedNumbersAsync(scriptId);
        if (locked is null) return null;
        List<string>? numbers = null;
        var result = await edits.ApplyAsync(scriptId, text =>
        {
            numbers = null;
            var document = FountainText.Parse(text);
            var plan = SceneNumbering.Update(document, locked, placeOmitted: false);
            if (plan.Lettered.IsEmpty || !plan.Lettered.All(scene => HeadingSettled(document, scene, pausedText))) return text;
            numbers = [.. plan.Numbers];
            return plan.ApplyTo(text);
        }, userId: null, "scene-numbers");
        if (result.Done && numbers is not null) await SaveNumbersAsync(scriptId, numbers, null);
        return result;
    }

    /// <summary>The scene's heading line is followed by a line break and was already there, the same, in <paramref name="pausedText"/>.</summary>
    private static bool HeadingSettled(Screenplay.Fountain.Syntax.Document document, int scene, string pausedText)
    {
        var source = document.Source;
        var start = document.Elements[document.Scenes[scene].FirstElement].Span.Start;
        var end = source.IndexOf('\n', start);
        if (end < 0) return false;
        var line = source.AsSpan(start, end - start + 1);
        for (var at = pausedText.AsSpan().IndexOf(line); at >= 0;)
        {
            var absolute = at;
            if (absolute == 0 || pausedText[absolute - 1] == '\n') return true;
            var next = pausedText.AsSpan(absolute + 1).IndexOf(line);
            at = next < 0 ? -1 : absolute + 1 + next;
        }

        return false;
    }

    /// <summary>Removes written numbers and OMITTED placeholders: scenes are numbered by position again.</summary>
    public async Task<LiveEditResult> UnlockNumbersAsync(Guid scriptId, string userId)
    {
        var result = await edits.ApplyAsync(scriptId, text =>
        {
            var document = FountainText.Parse(text);
            return new SceneNumberPlan(SceneNumbering.Unlock(document), []).ApplyTo(text);
        }, userId, "scene-numbers");
        if (result.Done)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.SceneNumberLocks.Where(l => l.ScriptId == scriptId).ExecuteDeleteAsync();
        }

        return result;
    }

    private async Task SaveNumbersAsync(Guid scriptId, List<string> numbers, string? userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.SceneNumberLocks.SingleOrDefaultAsync(l => l.ScriptId == scriptId);
        if (row is null)
        {
            db.SceneNumberLocks.Add(new SceneNumberLock { ScriptId = scriptId, Numbers = numbers, LockedAt = time.GetUtcNow(), LockedById = userId });
        }
        else
        {
            row.Numbers = numbers;
        }

        await db.SaveChangesAsync();
    }

    private static string CleanName(string? name, RevisionColor color)
    {
        var n = (name ?? "").Trim();
        if (n.Length == 0) n = color.Index == 0 ? "First Draft" : $"{color.Name} Revision";
        return n.Length > 100 ? n[..100] : n;
    }
}
