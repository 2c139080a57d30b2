using Caicaini.Billing.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.ListAdjustments;

/// <summary>The admin actions on one account, newest first: the audit trail staff see next to the account.</summary>
public sealed record ListAdjustments(Guid UserId) : IQuery<IReadOnlyList<AdjustmentView>>;

public sealed record AdjustmentView(DateTimeOffset At, Guid AdminId, string Action, string? Bucket, long AmountMicros, string? PlanId, int Periods, string Reason, string Reference);

internal sealed class ListAdjustmentsHandler(BillingDbContext db) : IQueryHandler<ListAdjustments, IReadOnlyList<AdjustmentView>>
{
    public async ValueTask<IReadOnlyList<AdjustmentView>> Handle(ListAdjustments query, CancellationToken cancellationToken) =>
        await db.AdminAdjustments.AsNoTracking().Where(a => a.UserId == query.UserId).OrderByDescending(a => a.Id).Take(200)
            .Select(a => new AdjustmentView(a.At, a.AdminId, a.Action, a.Bucket, a.AmountMicros, a.PlanId, a.Periods, a.Reason, a.Reference))
            .ToListAsync(cancellationToken);
}
