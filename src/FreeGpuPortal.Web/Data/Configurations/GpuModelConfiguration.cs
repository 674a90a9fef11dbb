using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class GpuModelConfiguration : IEntityTypeConfiguration<GpuModel>
{
    public void Configure(EntityTypeBuilder<GpuModel> gpu)
    {
        gpu.HasIndex(g => g.Slug).IsUnique();
        gpu.Property(g => g.Slug).HasMaxLength(64);
        gpu.Property(g => g.Name).HasMaxLength(120);
        gpu.Property(g => g.ConcurrencyStamp).IsConcurrencyToken();
    }
}
