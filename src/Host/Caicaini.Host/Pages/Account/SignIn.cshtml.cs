using System.ComponentModel.DataAnnotations;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.SignIn;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Caicaini.Host.Pages.Account;

[EnableRateLimiting(RateLimits.Credentials)]
public sealed class SignInModel(ISender sender) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class SignInInput
    {
        [Display(Name = "Email address or username")]
        public string Login { get; set; } = "";

        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (sent, outcome) = await sender.TrySendAsync(
            new SignIn(Input.Login ?? "", Input.Password ?? "", Input.RememberMe), ModelState, nameof(Input), cancellationToken);
        if (!sent) return Page();
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.TwoFactorRequired:
                return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl, Input.RememberMe });
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, "Too many failed attempts: this account is locked for 15 minutes. You can reset your password to get in now.");
                return Page();
            default:
                ModelState.AddModelError(string.Empty, "The email address or username and password do not match.");
                return Page();
        }
    }
}
