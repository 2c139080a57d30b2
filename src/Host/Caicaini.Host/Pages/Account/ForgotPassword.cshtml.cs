using System.ComponentModel.DataAnnotations;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.RequestPasswordReset;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Caicaini.Host.Pages.Account;

[EnableRateLimiting(RateLimits.Credentials)]
public sealed class ForgotPasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class ForgotInput
    {
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var resetPage = new Uri($"{Request.Scheme}://{Request.Host}/account/reset-password");
        var (sent, _) = await sender.TrySendAsync(new RequestPasswordReset(Input.Email ?? "", resetPage), ModelState, nameof(Input), cancellationToken);
        Sent = sent;
        return Page();
    }
}
