using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Identity.Contracts;
using Caicaini.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.OpenCreditAccount;

/// <summary>
/// A new user gets a credit account on the Free plan with its first period's grant. The inbox makes a
/// redelivered event a no-op; the primary key would refuse a second account anyway.
/// </summary>
internal sealed class OpenCreditAccountOnRegistration(BillingDbContext db, TimeProvider clock)
    : InboxConsumer<UserRegistered, BillingDbContext>(db, clock)
{
    protected override async Task Apply(UserRegistered registered, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (await Db.Accounts.AnyAsync(a => a.UserId == registered.UserId, cancellationToken))
            return;

        var free = await Db.Plans.SingleAsync(p => p.Id == Plan.Free, cancellationToken);
        // The period starts when the account was created, so every user's month is their own.
        var start = context.OccurredAt;
        var account = new CreditAccount { UserId = registered.UserId, PlanId = free.Id, CreatedAt = start };
        Db.Accounts.Add(account);
        Rollover.StartPeriod(Db, account, free, start, $"{free.Name} plan, first period");
    }
}
