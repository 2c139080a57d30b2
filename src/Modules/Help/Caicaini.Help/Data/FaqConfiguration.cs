using Caicaini.Help.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caicaini.Help.Data;

internal sealed class FaqSectionConfiguration : IEntityTypeConfiguration<FaqSection>
{
    public void Configure(EntityTypeBuilder<FaqSection> section)
    {
        section.ToTable("faq_sections");
        section.Property(s => s.Slug).HasMaxLength(80);
        section.Property(s => s.Title).HasMaxLength(120);
        section.HasIndex(s => s.Slug).IsUnique();
        section.HasMany(s => s.Entries).WithOne(e => e.Section).HasForeignKey(e => e.SectionId);
    }
}

internal sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> entry)
    {
        entry.ToTable("faq_entries");
        entry.Property(e => e.Slug).HasMaxLength(80);
        entry.Property(e => e.Question).HasMaxLength(300);
        entry.Property(e => e.AnswerMarkdown).HasMaxLength(20_000);
        entry.Property(e => e.AnswerText).HasMaxLength(20_000);
        entry.HasIndex(e => e.Slug).IsUnique();
        // The weighted search vector (question over answer) is a generated column with a GIN index,
        // created by the migration in SQL; EF never reads or writes it.
    }
}

internal sealed class FaqAuditEntryConfiguration : IEntityTypeConfiguration<FaqAuditEntry>
{
    public void Configure(EntityTypeBuilder<FaqAuditEntry> audit)
    {
        audit.ToTable("faq_audit");
        audit.Property(a => a.Action).HasMaxLength(20);
        audit.Property(a => a.ActorName).HasMaxLength(100);
        audit.Property(a => a.Snapshot).HasMaxLength(21_000);
        audit.HasIndex(a => a.EntryId);
    }
}
