using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Revisions;
using Screenplay.Web.Data;

namespace Screenplay.Web.Revisions;

/// <summary>A point of history laid out as a revised draft: marks against the baseline and the revision header.</summary>
internal sealed record RevisedDraft(string Title, int Version, PaginatedScript Pages, string HeaderLabel, DraftView Baseline)
{
    public IReadOnlyList<int> RevisedPages => RevisionMarks.RevisedPages(Pages);
}

/// <summary>
/// Production prints: the text at a point marked with <c>*</c> beside every line changed since the locked
/// baseline, with the revision's label, colour and date in the page header; and the revised pages alone.
/// </summary>
internal sealed class RevisionPrints(IDbContextFactory<ScreenplayDbContext> dbFactory, ScriptHistory history, Drafts drafts, TimeProvider time)
{
    /// <summary>Null with a reason when there is no baseline or the point is not in the history.</summary>
    public async Task<(RevisedDraft? Draft, string? Error)> RevisedAsync(Guid scriptId, int? version)
    {
        var all = await drafts.ListAsync(scriptId);
        var baseline = all.LastOrDefault(d => d.Locked);
        if (baseline is null) return (null, "No draft is locked as the baseline yet.");
        var at = version ?? await history.HeadVersionAsync(scriptId);
        if (at < baseline.Version) return (null, $"Version {at} is older than the baseline ({baseline.Name}).");
        var baseText = await history.TextAtAsync(scriptId, baseline.Version);
        var text = await history.TextAtAsync(scriptId, at);
        if (baseText is null || text is null) return (null, $"Version {at} is not in the history.");

        // The revision this print belongs to: the newest named draft after the baseline, else the next colour today.
        var revision = all.LastOrDefault(d => d.Version > baseline.Version && d.Version <= at);
        var label = revision is not null
            ? RevisionColors.HeaderLabel(revision.Name, revision.Color, revision.Date)
            : RevisionColors.HeaderLabel("", baseline.Color.Next, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var numbered = await drafts.LockedNumbersAsync(scriptId) is not null;
        // A baseline locked before pages were kept has its pages laid out again from its text.
        var lockedPages = await drafts.LockedPagesAsync(baseline.Id) ?? RevisionMarks.LockPages(baseText, PageLayout.Default);
        var pages = RevisionMarks.Paginate(baseText, text, PageLayout.Default with { SceneNumbers = numbered }, label, lockedPages);
        return (new RevisedDraft(await TitleAsync(scriptId), at, pages, label, baseline), null);
    }

    public async Task<string> TitleAsync(Guid scriptId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Scripts.Where(s => s.Id == scriptId).Select(s => s.Title).SingleOrDefaultAsync() ?? "script";
    }

    /// <summary>Only the revised pages, as printed (their page numbers kept), without the title page.</summary>
    public static PaginatedScript RevisedPagesOnly(PaginatedScript pages)
    {
        var revised = RevisionMarks.RevisedPages(pages).ToHashSet();
        return pages with { TitlePage = null, Pages = [.. pages.Pages.Where(p => revised.Contains(p.Number))] };
    }
}
