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
    public DbSet<CreditHold> Holds => Set<CreditHold>();
    public DbSet<PaymentApplication> PaymentApplications => Set<PaymentApplication>();
    public DbSet<AdminAdjustment> AdminAdjustments => Set<AdminAdjustment>();

    /// <summary>
    /// The account row, locked until the transaction ends. Every operation that moves one account's
    /// credits takes this one lock first, so they run one after another and never overdraw.
    /// </summary>
    public Task<CreditAccount?> LockAccountAsync(Guid userId, CancellationToken cancellationToken) =>
        Accounts.FromSql($"SELECT * FROM billing.credit_accounts WHERE user_id = {userId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly);
    }
}
