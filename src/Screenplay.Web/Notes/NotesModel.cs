using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Data;

namespace Screenplay.Web.Notes;

/// <summary>The notes feature's tables: <c>scenes</c> and <c>notes</c>.</summary>
internal static class NotesModel
{
    public const int MaxBodyLength = 10_000;
    public const int MaxHeadingLength = 500;

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ScriptScene>(e =>
        {
            e.ToTable("scenes");
            // Ids are computed (deterministically) by the session, never by the database.
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Heading).HasMaxLength(MaxHeadingLength);
            e.HasOne<Script>().WithMany().HasForeignKey(s => s.ScriptId);
            e.HasIndex(s => new { s.ScriptId, s.Ordinal });
        });

        builder.Entity<SceneNote>(e =>
        {
            e.ToTable("notes");
            e.Property(n => n.Body).HasMaxLength(MaxBodyLength);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Script>().WithMany().HasForeignKey(n => n.ScriptId);
            e.HasOne<ScriptScene>().WithMany().HasForeignKey(n => n.SceneId).OnDelete(DeleteBehavior.NoAction);
            e.HasOne<SceneNote>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.NoAction);
            e.HasOne<AppUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(n => n.ResolvedById).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(n => n.DeletedById).OnDelete(DeleteBehavior.SetNull);
            // Per-script listing (threads in order, filtered by scene), replies of a thread, "mentions me".
            e.HasIndex(n => new { n.ScriptId, n.SceneId, n.CreatedAt });
            e.HasIndex(n => new { n.ScriptId, n.CreatedAt });
            e.HasIndex(n => n.ParentId);
            e.HasIndex(n => n.Mentions).HasMethod("gin");
        });
    }
}
