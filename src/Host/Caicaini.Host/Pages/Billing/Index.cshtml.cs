using Caicaini.Billing.Features.GetBalance;
using Caicaini.Billing.Features.GetLedger;
using Caicaini.Billing.Features.ListPlans;
using Caicaini.Host.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Billing;

[Authorize]
public sealed class IndexModel(ISender sender) : PageModel
{
    public Balance? Balance { get; private set; }
    public string? BalanceProblem { get; private set; }
    public IReadOnlyList<PlanView> Plans { get; private set; } = [];
    public LedgerPage? Ledger { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var balance = await sender.Send(new GetBalance(userId), cancellationToken);
        if (balance.IsSuccess) Balance = balance.Value;
        else BalanceProblem = balance.Error.Message;
        Plans = await sender.Send(new ListPlans(), cancellationToken);
        Ledger = await sender.Send(new GetLedger(userId, PageSize: 25), cancellationToken);
    }
}
