using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Data;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Sharing;

/// <summary>
/// Sharing: the owner invites existing users by email with a role, changes roles and removes people;
/// anyone but the owner can leave. There is exactly one owner, so "Owner" is never a role one can give.
/// </summary>
internal static class SharingSetup
{
    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/scripts/{id:guid}")
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());

        members.MapPost("/members", async (Guid id, [FromForm] string? email, [FromForm] string? role, HttpContext http,
            ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Share);
            if (!check.Allowed) return check.ToProblem();
            if (ParseGrantableRole(role) is not { } newRole) return BackWithError(id, "Choose Writer, Commenter or Reader.");

            await using var db = await dbFactory.CreateDbContextAsync();
            var normalized = (email ?? "").Trim().ToUpperInvariant();
            var user = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id }).SingleOrDefaultAsync();
            if (user is null) return BackWithError(id, $"No account uses '{email?.Trim()}'. Ask them to register first.");

            var existing = await db.ScriptMembers.SingleOrDefaultAsync(m => m.ScriptId == id && m.UserId == user.Id);
            if (existing is { Role: ScriptRole.Owner }) return BackWithError(id, "That is the owner of the script.");
            if (existing is null)
            {
                db.ScriptMembers.Add(new ScriptMember { ScriptId = id, UserId = user.Id, Role = newRole, AddedAt = DateTimeOffset.UtcNow });
            }
            else
            {
                existing.Role = newRole;
            }
            await db.SaveChangesAsync();
            return Results.Redirect($"/scripts/{id}/share");
        });

        members.MapPost("/members/{userId}/role", async (Guid id, string userId, [FromForm] string? role, HttpContext http,
            ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Share);
            if (!check.Allowed) return check.ToProblem();
            if (ParseGrantableRole(role) is not { } newRole) return BackWithError(id, "Choose Writer, Commenter or Reader.");
            await using var db = await dbFactory.CreateDbContextAsync();
            var changed = await db.ScriptMembers
                .Where(m => m.ScriptId == id && m.UserId == userId && m.Role != ScriptRole.Owner)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, newRole));
            return changed == 0 ? BackWithError(id, "That person is not a collaborator on this script.") : Results.Redirect($"/scripts/{id}/share");
        });

        members.MapPost("/members/{userId}/remove", async (Guid id, string userId, HttpContext http,
            ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Share);
            if (!check.Allowed) return check.ToProblem();
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.ScriptMembers.Where(m => m.ScriptId == id && m.UserId == userId && m.Role != ScriptRole.Owner).ExecuteDeleteAsync();
            return Results.Redirect($"/scripts/{id}/share");
        });

        members.MapPost("/leave", async (Guid id, HttpContext http, ScriptAccess access, IDbContextFactory<ScreenplayDbContext> dbFactory) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Leave);
            if (!check.Allowed) return check.ToProblem();
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.ScriptMembers.Where(m => m.ScriptId == id && m.UserId == check.Grant!.UserId).ExecuteDeleteAsync();
            return Results.Redirect("/");
        });

        return app;
    }

    /// <summary>Writer, Commenter or Reader (case-insensitive); never Owner.</summary>
    internal static ScriptRole? ParseGrantableRole(string? role) =>
        Enum.TryParse<ScriptRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && parsed != ScriptRole.Owner
            ? parsed
            : null;

    private static IResult BackWithError(Guid id, string error) =>
        Results.Redirect($"/scripts/{id}/share?error={Uri.EscapeDataString(error)}");
}
