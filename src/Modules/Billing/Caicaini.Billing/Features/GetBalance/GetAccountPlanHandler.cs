using Caicaini.Billing.Contracts;
using Mediator;

namespace Caicaini.Billing.Features.GetBalance;

/// <summary>Answers other modules and the Host: the user's current plan (rolled over first if its period ended).</summary>
internal sealed class GetAccountPlanHandler(ISender sender) : IQueryHandler<GetAccountPlan, AccountPlan?>
{
    public async ValueTask<AccountPlan?> Handle(GetAccountPlan query, CancellationToken cancellationToken)
    {
        var balance = await sender.Send(new GetBalance(query.UserId), cancellationToken);
        return balance.IsSuccess ? new AccountPlan(balance.Value.PlanId, balance.Value.PlanName, balance.Value.PlanIncludesCli) : null;
    }
}
