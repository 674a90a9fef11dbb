using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class CatalogVersionConfiguration : IEntityTypeConfiguration<CatalogVersion>
{
    public void Configure(EntityTypeBuilder<CatalogVersion> version)
    {
        version.Property(v => v.Id).ValueGeneratedNever();
        version.HasData(new CatalogVersion { Id = CatalogVersion.SingletonId, Stamp = Guid.Empty });
    }
}
