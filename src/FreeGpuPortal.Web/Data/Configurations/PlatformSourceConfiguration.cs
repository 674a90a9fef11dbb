using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class PlatformSourceConfiguration : IEntityTypeConfiguration<PlatformSource>
{
    public void Configure(EntityTypeBuilder<PlatformSource> source)
    {
        source.Property(s => s.Url).HasMaxLength(2048);
        source.Property(s => s.Title).HasMaxLength(300);
        source.Property(s => s.TitleZh).HasMaxLength(300);
    }
}
