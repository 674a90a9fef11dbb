using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Suggestions;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FreeGpuPortal.Web.Data.Configurations;

public sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> suggestion)
    {
        suggestion.Property(s => s.Field).HasMaxLength(64);
        suggestion.Property(s => s.ProposedKind).HasConversion<string>().HasMaxLength(20);
        suggestion.Property(s => s.EvidenceUrl).HasMaxLength(SuggestionRules.UrlMaxLength);
        suggestion.Property(s => s.Note).HasMaxLength(SuggestionRules.NoteMaxLength);
        suggestion.Property(s => s.Fingerprint).HasMaxLength(64);
        suggestion.Property(s => s.Token).HasMaxLength(64);
        // Two admins deciding at once: the second write finds the status changed and is refused.
        suggestion.Property(s => s.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        suggestion.Property(s => s.DecidedByUserId).HasMaxLength(450);
        suggestion.Property(s => s.DecidedByName).HasMaxLength(256);
        suggestion.Property(s => s.RejectionReason).HasMaxLength(SuggestionRules.RejectionReasonMaxLength);
        suggestion.Property(s => s.SubmittedAtUtc).HasConversion(UtcConverters.Required);
        suggestion.Property(s => s.DecidedAtUtc).HasConversion(UtcConverters.Optional);
        suggestion.Ignore(s => s.Proposed);
        suggestion.HasIndex(s => s.Token).IsUnique();
        suggestion.HasIndex(s => new { s.Status, s.SubmittedAtUtc });
        suggestion.HasIndex(s => new { s.Fingerprint, s.SubmittedAtUtc });
        suggestion.HasOne(s => s.Platform).WithMany().HasForeignKey(s => s.PlatformId).OnDelete(DeleteBehavior.Restrict);
        // The catalog change that accepted a suggestion names it; neither is ever deleted.
        suggestion.HasMany<CatalogChange>().WithOne().HasForeignKey(c => c.SuggestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
