using FreeGpuPortal.Web.Auditing;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

// The mapping of history entries and their fields.

public sealed class CatalogChangeConfiguration : IEntityTypeConfiguration<CatalogChange>
{
    public void Configure(EntityTypeBuilder<CatalogChange> change)
    {
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.ActorUserId).HasMaxLength(450);
        change.Property(c => c.ActorDisplayName).HasMaxLength(256);
        change.Property(c => c.EvidenceUrl).HasMaxLength(2048);
        change.Property(c => c.Note).HasMaxLength(1000);
        // SQLite keeps no time zone: every value is written in UTC and read back marked as UTC.
        change.Property(c => c.AtUtc).HasConversion(UtcConverters.Required);
        change.Property(c => c.GpuModelSlug).HasMaxLength(64);
        change.HasIndex(c => new { c.PlatformId, c.AtUtc });
        change.HasIndex(c => new { c.GpuModelSlug, c.AtUtc });
        change.HasIndex(c => new { c.ActorUserId, c.AtUtc });
        change.HasIndex(c => c.AtUtc);
        // History outlives nothing it describes: platforms are never deleted, and neither is their history.
        change.HasOne(c => c.Platform).WithMany().HasForeignKey(c => c.PlatformId).OnDelete(DeleteBehavior.Restrict);
        change.HasOne<CatalogChange>().WithMany().HasForeignKey(c => c.RevertOfChangeId).OnDelete(DeleteBehavior.Restrict);
        change.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.ChangeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CatalogFieldChangeConfiguration : IEntityTypeConfiguration<CatalogFieldChange>
{
    public void Configure(EntityTypeBuilder<CatalogFieldChange> field) => field.Property(f => f.Field).HasMaxLength(64);
}
