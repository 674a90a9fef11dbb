using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class PlatformFeatureConfiguration : IEntityTypeConfiguration<PlatformFeature>
{
    public void Configure(EntityTypeBuilder<PlatformFeature> link)
    {
        link.HasIndex(l => new { l.PlatformId, l.FeatureId }).IsUnique();
        link.HasOne(l => l.Feature).WithMany().HasForeignKey(l => l.FeatureId).OnDelete(DeleteBehavior.Restrict);
    }
}
