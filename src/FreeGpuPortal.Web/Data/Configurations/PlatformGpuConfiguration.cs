using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class PlatformGpuConfiguration : IEntityTypeConfiguration<PlatformGpu>
{
    public void Configure(EntityTypeBuilder<PlatformGpu> option)
    {
        option.HasIndex(o => new { o.PlatformId, o.GpuModelId }).IsUnique();
        option.HasOne(o => o.GpuModel).WithMany().HasForeignKey(o => o.GpuModelId).OnDelete(DeleteBehavior.Restrict);
    }
}
