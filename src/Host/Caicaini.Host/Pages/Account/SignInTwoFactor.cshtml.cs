using System.ComponentModel.DataAnnotations;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.SignInWithTwoFactor;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Caicaini.Host.Pages.Account;

[EnableRateLimiting(RateLimits.Credentials)]
public sealed class SignInTwoFactorModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    [BindProperty]
    [Display(Name = "This is a recovery code")]
    public bool IsRecoveryCode { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (sent, outcome) = await sender.TrySendAsync(new SignInWithTwoFactor(Code ?? "", IsRecoveryCode, RememberMe), ModelState, "", cancellationToken);
        if (!sent) return Page();
        switch (outcome)
        {
            case TwoFactorOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case TwoFactorOutcome.NoPendingSignIn:
                return RedirectToPage("/Account/SignIn", new { ReturnUrl });
            case TwoFactorOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, "Too many failed attempts: this account is locked for 15 minutes.");
                return Page();
            default:
                ModelState.AddModelError(string.Empty, "That code is not valid. Codes change every 30 seconds; try the current one.");
                return Page();
        }
    }
}
