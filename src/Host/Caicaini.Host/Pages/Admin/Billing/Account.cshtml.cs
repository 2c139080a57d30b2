using Caicaini.Billing.Features.AdjustCredits;
using Caicaini.Billing.Features.ChangePlan;
using Caicaini.Billing.Features.GetBalance;
using Caicaini.Billing.Features.GetLedger;
using Caicaini.Billing.Features.ListAdjustments;
using Caicaini.Billing.Features.ListPlans;
using Caicaini.Host.Infrastructure;
using Caicaini.Shared.Money;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Admin.Billing;

/// <summary>One user's credit account for an admin: balance, grant/deduct with a reason, comp a plan, and the audit trail.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AccountModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty]
    public AdjustInput Adjust { get; set; } = new();

    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    public Balance? Balance { get; private set; }
    public IReadOnlyList<PlanView> Plans { get; private set; } = [];
    public IReadOnlyList<AdjustmentView> Adjustments { get; private set; } = [];
    public LedgerPage? Ledger { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public sealed class AdjustInput
    {
        public string Direction { get; set; } = "grant";
        public string Bucket { get; set; } = "topup";
        public string? Amount { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class PlanInput
    {
        public string? PlanId { get; set; }
        public int Periods { get; set; } = 1;
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAdjustAsync(CancellationToken cancellationToken)
    {
        if (!Credits.TryParse(Adjust.Amount?.Trim(), out var amount) || amount <= Credits.Zero)
            ModelState.AddModelError("Adjust.Amount", "Enter a positive number of credits, e.g. 25 or 2.5.");
        else
        {
            var micros = Adjust.Direction == "deduct" ? -amount.Micros : amount.Micros;
            var (sent, result) = await sender.TrySendAsync(
                new AdjustCredits(UserId, User.GetUserId(), Adjust.Bucket, micros, Adjust.Reason ?? ""), ModelState, nameof(Adjust), cancellationToken);
            if (sent && result!.IsSuccess)
            {
                Done = $"{(micros > 0 ? "Granted" : "Deducted")} {amount.ToDisplayString()} {Adjust.Bucket} credits.";
                return RedirectToPage(new { UserId });
            }
            if (sent) ModelState.AddError(result!.Error!, nameof(Adjust));
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken cancellationToken)
    {
        var (sent, result) = await sender.TrySendAsync(
            new ChangePlan(UserId, User.GetUserId(), Plan.PlanId ?? "", Plan.Periods, Plan.Reason ?? ""), ModelState, nameof(Plan), cancellationToken);
        if (sent && result!.IsSuccess)
        {
            Done = $"Now on {result.Value.PlanId} until {result.Value.PaidThrough?.ToString("d MMM yyyy") ?? "further notice"}.";
            return RedirectToPage(new { UserId });
        }
        if (sent) ModelState.AddError(result!.Error!, nameof(Plan));
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var balance = await sender.Send(new GetBalance(UserId), cancellationToken);
        if (!balance.IsSuccess) return false;
        Balance = balance.Value;
        Plans = await sender.Send(new ListPlans(), cancellationToken);
        Adjustments = await sender.Send(new ListAdjustments(UserId), cancellationToken);
        Ledger = await sender.Send(new GetLedger(UserId, PageSize: 20), cancellationToken);
        return true;
    }
}
