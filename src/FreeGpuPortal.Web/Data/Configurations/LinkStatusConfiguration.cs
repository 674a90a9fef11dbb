using FreeGpuPortal.Web.LinkChecking;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class LinkStatusConfiguration : IEntityTypeConfiguration<LinkStatus>
{
    public void Configure(EntityTypeBuilder<LinkStatus> link)
    {
        link.HasIndex(l => l.Url).IsUnique();
        link.Property(l => l.Url).HasMaxLength(2048);
        link.Property(l => l.FinalUrl).HasMaxLength(2048);
        link.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(20);
        link.Property(l => l.CheckedAtUtc).HasConversion(UtcConverters.Optional);
        link.Property(l => l.FailingSinceUtc).HasConversion(UtcConverters.Optional);
    }
}
