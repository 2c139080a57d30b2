using Caicaini.Models.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caicaini.Models.Data;

internal sealed class CatalogModelConfiguration : IEntityTypeConfiguration<CatalogModel>
{
    public void Configure(EntityTypeBuilder<CatalogModel> model)
    {
        model.ToTable("catalog", t => t.HasCheckConstraint("ck_catalog_prices_non_negative",
            "input_micros_per_m_tok >= 0 AND output_micros_per_m_tok >= 0 AND cache_read_micros_per_m_tok >= 0 AND cache_write_micros_per_m_tok >= 0"));
        model.HasKey(m => m.Id);
        model.Property(m => m.Id).HasMaxLength(60);
        model.Property(m => m.DisplayName).HasMaxLength(60);
        model.Property(m => m.Description).HasMaxLength(300);
        model.Property(m => m.Provider).HasMaxLength(30);
        model.Property(m => m.UpstreamModelId).HasMaxLength(100);
        model.Property(m => m.Tier).HasConversion<string>().HasMaxLength(20);
        model.Ignore(m => m.Price);
        model.Ignore(m => m.IsRouter);
        model.HasData(CatalogSeed.Models);
    }
}

internal sealed class CatalogAuditConfiguration : IEntityTypeConfiguration<CatalogAudit>
{
    public void Configure(EntityTypeBuilder<CatalogAudit> audit)
    {
        audit.ToTable("catalog_audit");
        audit.Property(a => a.ModelId).HasMaxLength(60);
        audit.Property(a => a.Change).HasMaxLength(1000);
        audit.HasIndex(a => new { a.ModelId, a.At });
    }
}
