using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

// The mapping of platforms and the rows they own: references, GPU options and features.

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

public sealed class PlatformSourceConfiguration : IEntityTypeConfiguration<PlatformSource>
{
    public void Configure(EntityTypeBuilder<PlatformSource> source)
    {
        source.Property(s => s.Url).HasMaxLength(2048);
        source.Property(s => s.Title).HasMaxLength(300);
        source.Property(s => s.TitleZh).HasMaxLength(300);
    }
}

public sealed class PlatformGpuConfiguration : IEntityTypeConfiguration<PlatformGpu>
{
    public void Configure(EntityTypeBuilder<PlatformGpu> option)
    {
        option.HasIndex(o => new { o.PlatformId, o.GpuModelId }).IsUnique();
        option.HasOne(o => o.GpuModel).WithMany().HasForeignKey(o => o.GpuModelId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlatformFeatureConfiguration : IEntityTypeConfiguration<PlatformFeature>
{
    public void Configure(EntityTypeBuilder<PlatformFeature> link)
    {
        link.HasIndex(l => new { l.PlatformId, l.FeatureId }).IsUnique();
        link.HasOne(l => l.Feature).WithMany().HasForeignKey(l => l.FeatureId).OnDelete(DeleteBehavior.Restrict);
    }
}
