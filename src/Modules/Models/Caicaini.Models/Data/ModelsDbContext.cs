using Caicaini.Models.Domain;
using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Models.Data;

internal sealed class ModelsDbContext(DbContextOptions<ModelsDbContext> options) : ModuleDbContext(options, Schema)
{
    public const string Schema = "models";

    public DbSet<CatalogModel> Catalog => Set<CatalogModel>();
    public DbSet<CatalogAudit> CatalogAudit => Set<CatalogAudit>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModelsDbContext).Assembly);
    }
}
