using System.ComponentModel.DataAnnotations;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.ResetPassword;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Account;

public sealed class ResetPasswordModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    public bool Done { get; private set; }
    public string? LinkProblem { get; private set; }

    public void OnGet()
    {
        if (UserId == Guid.Empty || string.IsNullOrEmpty(Token))
            LinkProblem = "This link is incomplete. Open the link from the email exactly as it is, or ask for a new one.";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (sent, result) = await sender.TrySendAsync(new ResetPassword(UserId, Token ?? "", NewPassword ?? ""), ModelState, "", cancellationToken);
        if (!sent) return Page();
        if (result.IsSuccess)
        {
            Done = true;
            return Page();
        }
        if (result.Error.Code == "reset-link-invalid")
            LinkProblem = result.Error.Message;
        else
            ModelState.AddError(result.Error, "");
        return Page();
    }
}
