using Caicaini.Identity.Features.ConfirmEmailChange;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Account;

/// <summary>
/// Opening the link shows a button; only the POST applies the change, so mail scanners that fetch
/// links do not use the token up.
/// </summary>
public sealed class ConfirmEmailModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Done { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ConfirmEmailChange(UserId, Email ?? "", Token ?? ""), cancellationToken);
        if (result.IsSuccess) Done = true;
        else Problem = result.Error.Message;
        return Page();
    }
}
