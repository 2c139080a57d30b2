using Caicaini.Help.Domain;
using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Help.Data;

internal sealed class HelpDbContext(DbContextOptions<HelpDbContext> options) : ModuleDbContext(options, Schema)
{
    public const string Schema = "help";

    public DbSet<FaqSection> Sections => Set<FaqSection>();
    public DbSet<FaqEntry> Entries => Set<FaqEntry>();
    public DbSet<FaqAuditEntry> Audit => Set<FaqAuditEntry>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HelpDbContext).Assembly);
    }
}
