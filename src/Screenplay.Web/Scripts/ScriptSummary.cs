using Screenplay.Web.Data;

namespace Screenplay.Web.Scripts;

/// <summary>One row of the dashboard: a script the person owns or shares, as they see it.</summary>
public sealed record ScriptSummary(
    Guid Id,
    string Title,
    int PageCount,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy,
    ScriptRole Role,
    string OwnerName,
    IReadOnlyList<string> Collaborators,
    DateTimeOffset? DeletedAt = null);
