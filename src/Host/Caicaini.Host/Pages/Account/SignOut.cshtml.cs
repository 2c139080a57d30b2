using Caicaini.Identity.Features.SignOut;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Account;

/// <summary>Signing out is a POST (with its antiforgery token), so no link or image can sign anyone out.</summary>
public sealed class SignOutModel(ISender sender) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new SignOut(), cancellationToken);
        TempData["Flash"] = "You are signed out.";
        return Redirect("/");
    }
}
