using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Data;

namespace Screenplay.Web.Scripts;

/// <summary>Everything a person can try to do to a script; <see cref="ScriptAccess.Allows"/> says which role may.</summary>
public enum ScriptAction
{
    Read,
    Export,
    Comment,
    Edit,
    Rename,
    Share,
    Delete,
    Restore,
    Leave,
    /// <summary>Lock a draft as the production baseline, lock or unlock scene numbers.</summary>
    LockRevisions,
}

public enum AccessOutcome
{
    Allowed,
    /// <summary>A stranger, a deleted script, or no such script: indistinguishable on purpose.</summary>
    NotFound,
    /// <summary>A member whose role is too weak; they already know the script exists.</summary>
    Forbidden,
}

/// <summary>The caller's standing on one script.</summary>
public sealed record ScriptGrant(Guid ScriptId, string UserId, ScriptRole Role, bool Deleted);

public sealed record AccessResult(AccessOutcome Outcome, ScriptGrant? Grant)
{
    public bool Allowed => Outcome == AccessOutcome.Allowed;

    /// <summary>The HTTP answer for a refusal: 404 for strangers (never 403, so existence does not leak), 403 for weak roles.</summary>
    public IResult ToProblem() => Outcome switch
    {
        AccessOutcome.NotFound => Results.NotFound(),
        AccessOutcome.Forbidden => Results.StatusCode(StatusCodes.Status403Forbidden),
        _ => throw new InvalidOperationException("The access was allowed."),
    };
}

/// <summary>
/// The one authorization check for scripts, used by pages, endpoints and hub methods alike.
/// Owner &gt; Writer &gt; Commenter &gt; Reader; a stranger, or anyone on a soft-deleted script (except its owner
/// restoring it), gets <see cref="AccessOutcome.NotFound"/>.
/// </summary>
public sealed class ScriptAccess(IDbContextFactory<ScreenplayDbContext> dbFactory)
{
    public static bool Allows(ScriptRole role, ScriptAction action) => action switch
    {
        ScriptAction.Read or ScriptAction.Export => role >= ScriptRole.Reader,
        ScriptAction.Comment => role >= ScriptRole.Commenter,
        ScriptAction.Edit => role >= ScriptRole.Writer,
        ScriptAction.Rename or ScriptAction.Share or ScriptAction.Delete or ScriptAction.Restore or ScriptAction.LockRevisions => role == ScriptRole.Owner,
        // The owner cannot leave their own script (they delete it instead); everyone else can.
        ScriptAction.Leave => role is not ScriptRole.Owner,
        _ => false,
    };

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public Task<AccessResult> CheckAsync(Guid scriptId, ClaimsPrincipal user, ScriptAction action, CancellationToken cancellationToken = default) =>
        CheckAsync(scriptId, UserId(user), action, cancellationToken);

    public async Task<AccessResult> CheckAsync(Guid scriptId, string? userId, ScriptAction action, CancellationToken cancellationToken = default)
    {
        if (userId is null) return new(AccessOutcome.NotFound, null);
        var grant = await FindAsync(scriptId, userId, cancellationToken);
        if (grant is null) return new(AccessOutcome.NotFound, null);

        if (grant.Deleted)
        {
            // A deleted script exists only for its owner's trash, and only for restoring.
            return grant.Role == ScriptRole.Owner && action == ScriptAction.Restore
                ? new(AccessOutcome.Allowed, grant)
                : new(AccessOutcome.NotFound, null);
        }
        if (action == ScriptAction.Restore) return new(AccessOutcome.NotFound, null);
        return new(Allows(grant.Role, action) ? AccessOutcome.Allowed : AccessOutcome.Forbidden, grant);
    }

    /// <summary>The caller's membership, or null for a stranger or a script deleted longer ago than the restore window.</summary>
    public async Task<ScriptGrant?> FindAsync(Guid scriptId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = DateTimeOffset.UtcNow - ScriptRetention.RestoreWindow;
        var row = await db.ScriptMembers.AsNoTracking()
            .Where(m => m.ScriptId == scriptId && m.UserId == userId)
            .Select(m => new { m.Role, m.Script!.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.DeletedAt < expired) return null;
        return new ScriptGrant(scriptId, userId, row.Role, row.DeletedAt is not null);
    }
}
