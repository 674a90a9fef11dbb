using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.HardwareReports;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Platform> Platforms => Set<Platform>();
    public DbSet<GpuModel> GpuModels => Set<GpuModel>();
    public DbSet<PlatformGpu> PlatformGpus => Set<PlatformGpu>();
    public DbSet<Feature> Features => Set<Feature>();
    public DbSet<PlatformFeature> PlatformFeatures => Set<PlatformFeature>();
    public DbSet<PlatformSource> PlatformSources => Set<PlatformSource>();
    public DbSet<CatalogChange> CatalogChanges => Set<CatalogChange>();
    public DbSet<CatalogFieldChange> CatalogFieldChanges => Set<CatalogFieldChange>();
    public DbSet<SubmittedReport> SubmittedReports => Set<SubmittedReport>();
    public DbSet<LinkStatus> LinkStatuses => Set<LinkStatus>();
    public DbSet<Suggestions.Suggestion> Suggestions => Set<Suggestions.Suggestion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new Configurations.SuggestionConfiguration());
        modelBuilder.Entity<Platform>(platform =>
        {
            platform.HasIndex(p => p.Slug).IsUnique();
            platform.Property(p => p.Slug).HasMaxLength(64);
            platform.Property(p => p.Name).HasMaxLength(120);
            platform.Property(p => p.Vendor).HasMaxLength(120);
            platform.Property(p => p.Summary).HasMaxLength(2000);
            platform.Property(p => p.Website).HasMaxLength(2048);
            platform.Property(p => p.SuccessorSlug).HasMaxLength(2048);
            platform.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            platform.Property(p => p.WeeklyQuotaKind).HasConversion<string>().HasMaxLength(20);
            platform.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
            platform.ComplexProperty(p => p.CpuCount);
            platform.ComplexProperty(p => p.RamGb);
            platform.ComplexProperty(p => p.StorageGb);
            platform.ComplexProperty(p => p.MaxSessionHours);
            platform.ComplexProperty(p => p.IdleTimeoutMinutes);
            platform.ComplexProperty(p => p.WeeklyGpuHours);
            platform.HasMany(p => p.Gpus).WithOne().HasForeignKey(g => g.PlatformId).OnDelete(DeleteBehavior.Cascade);
            platform.HasMany(p => p.Features).WithOne().HasForeignKey(f => f.PlatformId).OnDelete(DeleteBehavior.Cascade);
            platform.HasMany(p => p.Sources).WithOne().HasForeignKey(s => s.PlatformId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<GpuModel>(gpu =>
        {
            gpu.HasIndex(g => g.Slug).IsUnique();
            gpu.Property(g => g.Slug).HasMaxLength(64);
            gpu.Property(g => g.Name).HasMaxLength(120);
        });

        modelBuilder.Entity<PlatformGpu>(option =>
        {
            option.HasIndex(o => new { o.PlatformId, o.GpuModelId }).IsUnique();
            option.HasOne(o => o.GpuModel).WithMany().HasForeignKey(o => o.GpuModelId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Feature>(feature =>
        {
            feature.HasIndex(f => f.Key).IsUnique();
            feature.Property(f => f.Key).HasMaxLength(64);
            feature.Property(f => f.Name).HasMaxLength(120);
        });

        modelBuilder.Entity<PlatformFeature>(link =>
        {
            link.HasIndex(l => new { l.PlatformId, l.FeatureId }).IsUnique();
            link.HasOne(l => l.Feature).WithMany().HasForeignKey(l => l.FeatureId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PlatformSource>(source =>
        {
            source.Property(s => s.Url).HasMaxLength(2048);
            source.Property(s => s.Title).HasMaxLength(300);
        });

        modelBuilder.Entity<CatalogChange>(change =>
        {
            change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.ActorUserId).HasMaxLength(450);
            change.Property(c => c.ActorDisplayName).HasMaxLength(256);
            change.Property(c => c.EvidenceUrl).HasMaxLength(2048);
            change.Property(c => c.Note).HasMaxLength(1000);
            // SQLite keeps no time zone: every value is written in UTC and read back marked as UTC.
            change.Property(c => c.AtUtc).HasConversion(
                value => value.ToUniversalTime(),
                value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
            change.HasIndex(c => new { c.PlatformId, c.AtUtc });
            change.HasIndex(c => new { c.ActorUserId, c.AtUtc });
            change.HasIndex(c => c.AtUtc);
            // History outlives nothing it describes: platforms are never deleted, and neither is their history.
            change.HasOne(c => c.Platform).WithMany().HasForeignKey(c => c.PlatformId).OnDelete(DeleteBehavior.Restrict);
            change.HasOne<CatalogChange>().WithMany().HasForeignKey(c => c.RevertOfChangeId).OnDelete(DeleteBehavior.Restrict);
            change.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.ChangeId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CatalogFieldChange>(field =>
        {
            field.Property(f => f.Field).HasMaxLength(64);
        });

        modelBuilder.Entity<SubmittedReport>(report =>
        {
            report.Property(r => r.Note).HasMaxLength(ReportRules.NoteMaxLength);
            report.Property(r => r.GpuName).HasMaxLength(200);
            report.Property(r => r.DriverVersion).HasMaxLength(64);
            report.Property(r => r.CudaVersion).HasMaxLength(32);
            report.Property(r => r.CpuModel).HasMaxLength(200);
            report.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            report.Property(r => r.ModeratedByUserId).HasMaxLength(450);
            report.Property(r => r.ModeratedByName).HasMaxLength(256);
            report.Property(r => r.SubmittedAtUtc).HasConversion(
                value => value.ToUniversalTime(),
                value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
            report.Property(r => r.ModeratedAtUtc).HasConversion(
                value => value.HasValue ? value.Value.ToUniversalTime() : (DateTime?)null,
                value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : null);
            report.HasIndex(r => new { r.Status, r.SubmittedAtUtc });
            report.HasIndex(r => new { r.PlatformId, r.Status, r.SessionDate });
            report.HasOne(r => r.Platform).WithMany().HasForeignKey(r => r.PlatformId).OnDelete(DeleteBehavior.Restrict);
            report.HasOne<CatalogChange>().WithMany().HasForeignKey(r => r.AppliedChangeId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<LinkStatus>(link =>
        {
            link.HasIndex(l => l.Url).IsUnique();
            link.Property(l => l.Url).HasMaxLength(2048);
            link.Property(l => l.FinalUrl).HasMaxLength(2048);
            link.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(20);
            link.Property(l => l.CheckedAtUtc).HasConversion(
                value => value.HasValue ? value.Value.ToUniversalTime() : (DateTime?)null,
                value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : null);
            link.Property(l => l.FailingSinceUtc).HasConversion(
                value => value.HasValue ? value.Value.ToUniversalTime() : (DateTime?)null,
                value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : null);
        });
    }
}
