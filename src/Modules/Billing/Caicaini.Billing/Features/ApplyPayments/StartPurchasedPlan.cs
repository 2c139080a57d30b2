using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Payments.Contracts;
using Caicaini.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Caicaini.Billing.Features.ApplyPayments;

/// <summary>A paid plan: extends the same plan, or switches to the new one now (see <see cref="PlanChange"/>).</summary>
internal sealed class StartPurchasedPlan(BillingDbContext db, TimeProvider clock, ILogger<StartPurchasedPlan> logger)
    : PaymentConsumer<PlanPurchased>(db, clock, logger)
{
    protected override string Kind => "plan";

    protected override async Task Apply(PlanPurchased purchased, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var plan = await Db.Plans.SingleOrDefaultAsync(p => p.Id == purchased.Plan, cancellationToken);
        if (plan is null || plan.Id == Plan.Free || purchased.Periods is < 1 or > 36)
            throw new InvalidOperationException($"Plan payment {purchased.PaymentReference} is for plan '{purchased.Plan}' × {purchased.Periods}, which cannot be applied.");
        if (await LockIfNewAsync(purchased.UserId, purchased.PaymentReference, cancellationToken) is not { } account) return;

        PlanChange.Apply(Db, account, plan, purchased.Periods, Clock.GetUtcNow(), $"{plan.Name} plan purchased ({purchased.PaymentReference})");
        Record(purchased.UserId, purchased.PaymentReference, 0, 0, plan.Id, purchased.Periods);
    }
}
