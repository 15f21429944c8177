using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Notes;

namespace Screenplay.Web.Data;

/// <summary>
/// The app's one database: Identity tables, scripts, memberships, revisions, and the data-protection keys that
/// sign cookies and antiforgery tokens (kept here so every app instance shares them). Names are snake_case.
/// </summary>
public sealed class ScreenplayDbContext(DbContextOptions<ScreenplayDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Script> Scripts => Set<Script>();
    public DbSet<ScriptMember> ScriptMembers => Set<ScriptMember>();
    public DbSet<ScriptRevision> ScriptRevisions => Set<ScriptRevision>();
    public DbSet<ScriptUpdate> ScriptUpdates => Set<ScriptUpdate>();
    public DbSet<ScriptSnapshot> ScriptSnapshots => Set<ScriptSnapshot>();
    public DbSet<ScriptCheckpoint> ScriptCheckpoints => Set<ScriptCheckpoint>();
    public DbSet<ScriptDraft> ScriptDrafts => Set<ScriptDraft>();
    public DbSet<SceneNumberLock> SceneNumberLocks => Set<SceneNumberLock>();
    public DbSet<ScriptScene> Scenes => Set<ScriptScene>();
    public DbSet<SceneNote> Notes => Set<SceneNote>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.DisplayName).HasMaxLength(100);
        });
        // Identity names its tables AspNet*; snake_case them like everything else.
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");

        builder.Entity<Script>(e =>
        {
            e.Property(s => s.Title).HasMaxLength(200);
            e.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.OwnerId);
        });

        builder.Entity<ScriptMember>(e =>
        {
            e.HasKey(m => new { m.ScriptId, m.UserId });
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            e.HasOne(m => m.Script).WithMany(s => s.Members).HasForeignKey(m => m.ScriptId);
            e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
            e.HasIndex(m => m.UserId);
        });

        builder.Entity<ScriptRevision>(e =>
        {
            e.Property(r => r.Kind).HasMaxLength(32);
            e.HasOne(r => r.Script).WithMany(s => s.Revisions).HasForeignKey(r => r.ScriptId);
            e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(r => new { r.ScriptId, r.CreatedAt });
        });

        // The live editor's log: the key decides which app instance wins a version (see Collaboration/).
        builder.Entity<ScriptUpdate>(e =>
        {
            e.HasKey(u => new { u.ScriptId, u.Version });
            e.Property(u => u.ClientId).HasMaxLength(64);
            e.Property(u => u.Changes).HasColumnType("json");
            e.HasOne<Script>().WithMany().HasForeignKey(u => u.ScriptId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<ScriptSnapshot>(e =>
        {
            e.HasKey(s => new { s.ScriptId, s.Version });
            e.HasOne<Script>().WithMany().HasForeignKey(s => s.ScriptId);
        });

        // History (see Revisions/): checkpoints are unique per version, so two instances never write one twice.
        builder.Entity<ScriptCheckpoint>(e =>
        {
            e.HasIndex(c => new { c.ScriptId, c.Version }).IsUnique();
            e.Property(c => c.Kind).HasMaxLength(16);
            e.HasOne<Script>().WithMany().HasForeignKey(c => c.ScriptId);
        });

        builder.Entity<ScriptDraft>(e =>
        {
            e.HasIndex(d => new { d.ScriptId, d.Version });
            e.Property(d => d.Name).HasMaxLength(100);
            e.HasOne<Script>().WithMany().HasForeignKey(d => d.ScriptId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(d => d.CreatedById).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<SceneNumberLock>(e =>
        {
            e.HasKey(l => l.ScriptId);
            e.HasOne<Script>().WithMany().HasForeignKey(l => l.ScriptId);
        });

        NotesModel.Configure(builder);
    }
}
