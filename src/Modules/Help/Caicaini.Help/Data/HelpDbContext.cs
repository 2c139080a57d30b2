using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Help.Data;

internal sealed class HelpDbContext(DbContextOptions<HelpDbContext> options) : ModuleDbContext(options, Schema)
{
    public const string Schema = "help";

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HelpDbContext).Assembly);
    }
}
