using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BusinessManager.Server.Data;

/// <summary>
/// The one EF Core model. Each provider has a subclass only so that it can carry its own migrations;
/// the model itself is shared.
/// </summary>
public abstract class BmDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<PersonRow> People => Set<PersonRow>();

    public DbSet<TokenRow> Tokens => Set<TokenRow>();

    public DbSet<BusinessRow> Businesses => Set<BusinessRow>();

    public DbSet<MemberRow> Members => Set<MemberRow>();

    public DbSet<InvitationRow> Invitations => Set<InvitationRow>();

    public DbSet<AssetRow> Assets => Set<AssetRow>();

    public DbSet<PartnershipRow> Partnerships => Set<PartnershipRow>();

    public DbSet<ShareRow> Shares => Set<ShareRow>();

    public DbSet<AssignmentRow> Assignments => Set<AssignmentRow>();

    public DbSet<TransferRow> Transfers => Set<TransferRow>();

    public DbSet<ChangeLogRow> ChangeLog => Set<ChangeLogRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<PersonRow>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.HasIndex(p => p.Email).IsUnique();
            e.Property(p => p.Email).HasMaxLength(320);
            e.Property(p => p.Name).HasMaxLength(200);
        });
        b.Entity<TokenRow>(e =>
        {
            e.ToTable("tokens");
            e.Property(t => t.Id).ValueGeneratedNever();
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.PersonId);
            e.HasOne<PersonRow>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<BusinessRow>(e =>
        {
            e.ToTable("businesses");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
        });
        b.Entity<MemberRow>(e =>
        {
            e.ToTable("members");
            e.HasKey(m => new { m.BusinessId, m.PersonId });
            e.HasIndex(m => m.PersonId);
            e.HasOne<BusinessRow>().WithMany().HasForeignKey(m => m.BusinessId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PersonRow>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<InvitationRow>(e =>
        {
            e.ToTable("invitations");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.Email);
            e.HasIndex(x => x.BusinessId);
            e.HasOne<BusinessRow>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AssetRow>(e =>
        {
            e.ToTable("assets");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.OwnerId);
            e.HasOne<BusinessRow>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PartnershipRow>(e =>
        {
            e.ToTable("partnerships");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.RequesterId);
            e.HasIndex(x => x.TargetId);
            e.HasOne<BusinessRow>().WithMany().HasForeignKey(x => x.RequesterId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BusinessRow>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ShareRow>(e =>
        {
            // One share per (asset, partner): the key itself forbids a duplicate.
            e.ToTable("shares");
            e.HasKey(x => new { x.AssetId, x.PartnerId });
            e.HasIndex(x => x.PartnerId);
            e.HasOne<AssetRow>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BusinessRow>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AssignmentRow>(e =>
        {
            // Foreign keys make a grant that points at a missing person, business or asset impossible.
            e.ToTable("assignments");
            e.HasKey(x => new { x.PersonId, x.AssetId, x.ByBusinessId });
            e.HasIndex(x => x.AssetId);
            e.HasOne<PersonRow>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AssetRow>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BusinessRow>().WithMany().HasForeignKey(x => x.ByBusinessId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TransferRow>(e =>
        {
            e.ToTable("transfers");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.AssetId);
            e.HasOne<AssetRow>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ChangeLogRow>(e =>
        {
            e.ToTable("change_log");
            e.HasKey(x => x.Revision);
            e.Property(x => x.Revision).ValueGeneratedNever();
        });
        b.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_events");
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.HasIndex(x => x.BusinessId);
            e.HasIndex(x => x.OtherBusinessId);
            e.HasIndex(x => x.AssetId);
            e.Property(x => x.Kind).HasMaxLength(64);
        });
    }
}

public sealed class SqliteBmDb(DbContextOptions<SqliteBmDb> options) : BmDb(options)
{
    // SQLite has no native date-time-offset type and cannot compare the text form; store UTC ticks instead.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class PostgresBmDb(DbContextOptions<PostgresBmDb> options) : BmDb(options);
