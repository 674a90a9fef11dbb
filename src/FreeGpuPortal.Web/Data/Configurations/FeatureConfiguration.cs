using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class FeatureConfiguration : IEntityTypeConfiguration<Feature>
{
    public void Configure(EntityTypeBuilder<Feature> feature)
    {
        feature.HasIndex(f => f.Key).IsUnique();
        feature.Property(f => f.Key).HasMaxLength(64);
        feature.Property(f => f.Name).HasMaxLength(120);
        feature.Property(f => f.NameZh).HasMaxLength(120);
    }
}
