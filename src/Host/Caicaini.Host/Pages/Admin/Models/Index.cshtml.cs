using Caicaini.Host.Infrastructure;
using Caicaini.Models.Features.EditModel;
using Caicaini.Models.Features.ListModels;
using Caicaini.Shared.Money;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Admin.Models;

/// <summary>Admins set prices (credits per million tokens) and switch models on or off; every change is audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ModelView> Models { get; private set; } = [];

    [BindProperty]
    public PriceInput Edit { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public sealed class PriceInput
    {
        public string ModelId { get; set; } = "";
        public bool Enabled { get; set; }
        public string Input { get; set; } = "0";
        public string Output { get; set; } = "0";
        public string CacheRead { get; set; } = "0";
        public string CacheWrite { get; set; } = "0";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Models = await sender.Send(new ListModels(IncludeDisabled: true), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var prices = new[] { Edit.Input, Edit.Output, Edit.CacheRead, Edit.CacheWrite }.Select(Parse).ToArray();
        if (prices.Any(p => p is null))
            ModelState.AddModelError(string.Empty, "Prices are credits per million tokens, like 300 or 2.5, and cannot be negative.");
        else
        {
            var (sent, result) = await sender.TrySendAsync(new EditModel(Edit.ModelId, User.GetUserId(), Edit.Enabled,
                prices[0]!.Value, prices[1]!.Value, prices[2]!.Value, prices[3]!.Value), ModelState, nameof(Edit), cancellationToken);
            if (sent && result!.IsSuccess)
            {
                Done = $"Saved {Edit.ModelId}.";
                return RedirectToPage();
            }
            if (sent) ModelState.AddError(result!.Error!, nameof(Edit));
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }

    private static long? Parse(string? text) => Credits.TryParse(text?.Trim(), out var credits) && credits >= Credits.Zero ? credits.Micros : null;
}
