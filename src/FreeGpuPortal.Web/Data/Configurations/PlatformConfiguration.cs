using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class PlatformConfiguration : IEntityTypeConfiguration<Platform>
{
    public void Configure(EntityTypeBuilder<Platform> platform)
    {
        platform.HasIndex(p => p.Slug).IsUnique();
        platform.Property(p => p.Slug).HasMaxLength(64);
        platform.Property(p => p.Name).HasMaxLength(120);
        platform.Property(p => p.Vendor).HasMaxLength(120);
        platform.Property(p => p.Summary).HasMaxLength(2000);
        platform.Property(p => p.SummaryZh).HasMaxLength(2000);
        platform.Property(p => p.Website).HasMaxLength(2048);
        platform.Property(p => p.SuccessorSlug).HasMaxLength(2048);
        platform.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        platform.Property(p => p.WeeklyQuotaKind).HasConversion<string>().HasMaxLength(20);
        platform.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        foreach (var spec in Specs.All)
        {
            platform.ComplexProperty(spec.OnEntityExpression);
        }

        platform.HasMany(p => p.Gpus).WithOne().HasForeignKey(g => g.PlatformId).OnDelete(DeleteBehavior.Cascade);
        platform.HasMany(p => p.Features).WithOne().HasForeignKey(f => f.PlatformId).OnDelete(DeleteBehavior.Cascade);
        platform.HasMany(p => p.Sources).WithOne().HasForeignKey(s => s.PlatformId).OnDelete(DeleteBehavior.Cascade);
    }
}
