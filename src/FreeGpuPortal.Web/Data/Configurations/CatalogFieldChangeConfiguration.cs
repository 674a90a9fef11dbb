using FreeGpuPortal.Web.Auditing;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class CatalogFieldChangeConfiguration : IEntityTypeConfiguration<CatalogFieldChange>
{
    public void Configure(EntityTypeBuilder<CatalogFieldChange> field) => field.Property(f => f.Field).HasMaxLength(64);
}
