using Screenplay.Web.Data;

namespace Screenplay.Web.Scripts;

/// <summary>Adds a script with its owner's membership and its first revision (create, import and the demo all start here).</summary>
internal static class NewScript
{
    public static Script Add(ScreenplayDbContext db, string ownerId, string title, string text, string kind)
    {
        var now = DateTimeOffset.UtcNow;
        var script = new Script
        {
            Id = Guid.CreateVersion7(),
            Title = ScriptText.CleanTitle(title),
            Text = text,
            OwnerId = ownerId,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedById = ownerId,
            PageCount = ScriptLayout.PageCount(text),
        };
        script.Members.Add(new ScriptMember { UserId = ownerId, Role = ScriptRole.Owner, AddedAt = now });
        script.Revisions.Add(new ScriptRevision { UserId = ownerId, CreatedAt = now, Kind = kind, Text = text });
        db.Scripts.Add(script);
        return script;
    }
}
