using Caicaini.Billing.Domain;
using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Data;

internal sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : ModuleDbContext(options, Schema)
{
    public const string Schema = "billing";

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<CreditAccount> Accounts => Set<CreditAccount>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly);
    }
}
