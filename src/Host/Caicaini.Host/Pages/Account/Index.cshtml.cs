using System.ComponentModel.DataAnnotations;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.ChangePassword;
using Caicaini.Identity.Features.ChangeUsername;
using Caicaini.Identity.Features.CreateApiToken;
using Caicaini.Identity.Features.GetMe;
using Caicaini.Identity.Features.ListApiTokens;
using Caicaini.Identity.Features.RequestEmailChange;
using Caicaini.Identity.Features.RevokeApiToken;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Account;

[Authorize]
public sealed class IndexModel(ISender sender) : PageModel
{
    public Me? Me { get; private set; }
    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];

    /// <summary>A token just created: its secret is on this response and nowhere else, ever.</summary>
    public NewApiToken? CreatedToken { get; private set; }

    [BindProperty]
    public NewTokenInput NewToken { get; set; } = new();

    [BindProperty]
    public UsernameInput Username { get; set; } = new();

    [BindProperty]
    public EmailInput Email { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public sealed class UsernameInput
    {
        [Display(Name = "New username")]
        public string NewUsername { get; set; } = "";
    }

    public sealed class EmailInput
    {
        [Display(Name = "New email address")]
        public string NewEmail { get; set; } = "";
    }

    public sealed class PasswordInput
    {
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";
    }

    public sealed class NewTokenInput
    {
        [Display(Name = "Token name")]
        public string Name { get; set; } = "";

        [Display(Name = "Expires after (days, optional)")]
        public int? ExpiresInDays { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken cancellationToken)
    {
        var (sent, created) = await sender.TrySendAsync(
            new CreateApiToken(User.GetUserId(), NewToken.Name ?? "", NewToken.ExpiresInDays), ModelState, nameof(NewToken), cancellationToken);
        if (sent)
        {
            CreatedToken = created;
            NewToken = new NewTokenInput();
            ModelState.Clear();
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeUsernameAsync(CancellationToken cancellationToken) =>
        await ApplyAsync(new ChangeUsername(User.GetUserId(), Username.NewUsername ?? ""), nameof(Username),
            "Your username is changed.", cancellationToken);

    public async Task<IActionResult> OnPostChangeEmailAsync(CancellationToken cancellationToken)
    {
        var confirmPage = new Uri($"{Request.Scheme}://{Request.Host}/account/confirm-email");
        return await ApplyAsync(new RequestEmailChange(User.GetUserId(), Email.NewEmail ?? "", confirmPage), nameof(Email),
            $"We sent a confirmation link to {Email.NewEmail}. Your address changes when you open it.", cancellationToken);
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken cancellationToken) =>
        await ApplyAsync(new ChangePassword(User.GetUserId(), Password.CurrentPassword ?? "", Password.NewPassword ?? ""), nameof(Password),
            "Your password is changed. Other browsers where you were signed in are signed out.", cancellationToken);

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RevokeApiToken(User.GetUserId(), tokenId), cancellationToken);
        TempData["Flash"] = result.IsSuccess ? "The token is revoked: it no longer works." : result.Error.Message;
        return RedirectToPage();
    }

    /// <summary>Sends one account change; success redirects with a message, a failure shows the form again with its errors.</summary>
    private async Task<IActionResult> ApplyAsync(ICommand<Caicaini.Shared.Results.Result<Unit>> command, string form, string done, CancellationToken cancellationToken)
    {
        var (sent, result) = await sender.TrySendAsync(command, ModelState, form, cancellationToken);
        if (sent && result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage();
        }
        if (sent && result.Error is { } error) ModelState.AddError(error, form);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var me = await sender.Send(new GetMe(User.GetUserId()), cancellationToken);
        if (!me.IsSuccess) return Challenge();
        Me = me.Value;
        Tokens = await sender.Send(new ListApiTokens(Me.Id), cancellationToken);
        return Page();
    }
}
