using Caicaini.Billing.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.ListPlans;

/// <summary>The plans, cheapest first (public).</summary>
public sealed record ListPlans : IQuery<IReadOnlyList<PlanView>>;

/// <summary>Amounts are exact: whole US cents and micro-credits (1 credit = 1,000,000 µcr).</summary>
public sealed record PlanView(string Id, string Name, int MonthlyPriceUsdCents, long MonthlyCreditsMicros, bool IncludesCli);

internal sealed class ListPlansHandler(BillingDbContext db) : IQueryHandler<ListPlans, IReadOnlyList<PlanView>>
{
    public async ValueTask<IReadOnlyList<PlanView>> Handle(ListPlans query, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().OrderBy(p => p.Position)
            .Select(p => new PlanView(p.Id, p.Name, p.MonthlyPriceUsdCents, p.MonthlyCreditsMicros, p.IncludesCli))
            .ToListAsync(cancellationToken);
}
