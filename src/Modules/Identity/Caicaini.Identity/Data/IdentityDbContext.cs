using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Identity.Data;

internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ModuleDbContext(options, Schema)
{
    public const string Schema = "identity";

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
    }
}
