using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Data;

namespace Screenplay.Web.Scripts;

/// <summary>Read-side projections for the script pages (no tracking, only the columns shown).</summary>
internal static class ScriptQueries
{
    /// <summary>The scripts <paramref name="userId"/> is a member of, newest edit first; deleted ones only when <paramref name="deleted"/>.</summary>
    public static Task<List<ScriptSummary>> ListAsync(ScreenplayDbContext db, string userId, bool deleted = false)
    {
        var expired = DateTimeOffset.UtcNow - ScriptRetention.RestoreWindow;
        var members = db.ScriptMembers.AsNoTracking().Where(m => m.UserId == userId);
        members = deleted
            ? members.Where(m => m.Role == ScriptRole.Owner && m.Script!.DeletedAt != null && m.Script.DeletedAt > expired)
            : members.Where(m => m.Script!.DeletedAt == null);
        return members
            .OrderByDescending(m => m.Script!.UpdatedAt)
            .Select(m => new ScriptSummary(
                m.ScriptId,
                m.Script!.Title,
                m.Script.PageCount,
                m.Script.UpdatedAt,
                db.Users.Where(u => u.Id == m.Script.UpdatedById).Select(u => u.DisplayName).FirstOrDefault(),
                m.Role,
                m.Script.Owner!.DisplayName,
                m.Script.Members.Where(o => o.UserId != userId).OrderBy(o => o.User!.DisplayName).Select(o => o.User!.DisplayName).ToList(),
                m.Script.DeletedAt))
            .ToListAsync();
    }
}
