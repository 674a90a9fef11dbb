using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class SubmittedReportConfiguration : IEntityTypeConfiguration<SubmittedReport>
{
    public void Configure(EntityTypeBuilder<SubmittedReport> report)
    {
        report.Property(r => r.Note).HasMaxLength(ReportRules.NoteMaxLength);
        report.Property(r => r.GpuName).HasMaxLength(200);
        report.Property(r => r.DriverVersion).HasMaxLength(64);
        report.Property(r => r.CudaVersion).HasMaxLength(32);
        report.Property(r => r.CpuModel).HasMaxLength(200);
        report.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.ModeratedByUserId).HasMaxLength(450);
        report.Property(r => r.ModeratedByName).HasMaxLength(256);
        report.Property(r => r.SubmittedAtUtc).HasConversion(UtcConverters.Required);
        report.Property(r => r.ModeratedAtUtc).HasConversion(UtcConverters.Optional);
        report.HasIndex(r => new { r.Status, r.SubmittedAtUtc });
        report.HasIndex(r => new { r.PlatformId, r.Status, r.SessionDate });
        report.HasOne(r => r.Platform).WithMany().HasForeignKey(r => r.PlatformId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<CatalogChange>().WithMany().HasForeignKey(r => r.AppliedChangeId).OnDelete(DeleteBehavior.Restrict);
    }
}
