using System.ComponentModel.DataAnnotations;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.DisableTwoFactor;
using Caicaini.Identity.Features.EnableTwoFactor;
using Caicaini.Identity.Features.GetTwoFactorSetup;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Account;

[Authorize]
public sealed class TwoFactorModel(ISender sender) : PageModel
{
    public TwoFactorSetup? Setup { get; private set; }

    /// <summary>Recovery codes just generated: shown on this response only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty]
    [Display(Name = "Code from your app")]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var (sent, result) = await sender.TrySendAsync(new EnableTwoFactor(User.GetUserId(), Code ?? ""), ModelState, "", cancellationToken);
        if (sent && result.IsSuccess) RecoveryCodes = result.Value;
        else if (sent && result.Error is { } error) ModelState.AddError(error, "");
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new DisableTwoFactor(User.GetUserId()), cancellationToken);
        TempData["Flash"] = "Two-factor authentication is off.";
        return RedirectToPage("/Account/Index");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var setup = await sender.Send(new GetTwoFactorSetup(User.GetUserId()), cancellationToken);
        if (!setup.IsSuccess) return Challenge();
        Setup = setup.Value;
        return Page();
    }
}
