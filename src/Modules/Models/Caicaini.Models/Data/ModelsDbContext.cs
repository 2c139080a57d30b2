using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Models.Data;

internal sealed class ModelsDbContext(DbContextOptions<ModelsDbContext> options) : ModuleDbContext(options, Schema)
{
    public const string Schema = "models";

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModelsDbContext).Assembly);
    }
}
