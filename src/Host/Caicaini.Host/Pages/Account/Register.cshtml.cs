using System.ComponentModel.DataAnnotations;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.RegisterUser;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Caicaini.Host.Pages.Account;

[EnableRateLimiting(RateLimits.Credentials)]
public sealed class RegisterModel(ISender sender) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public sealed class RegisterInput
    {
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        public string Username { get; set; } = "";

        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (sent, result) = await sender.TrySendAsync(
            new RegisterUser(Input.Email ?? "", Input.Username ?? "", Input.Password ?? "", SignIn: true), ModelState, nameof(Input), cancellationToken);
        if (!sent) return Page();
        if (!result.IsSuccess)
        {
            ModelState.AddError(result.Error, nameof(Input));
            return Page();
        }
        TempData["Flash"] = $"Welcome to Caicaini, {result.Value.Username}! You are signed in.";
        return Redirect("/");
    }
}
