using System.ComponentModel.DataAnnotations;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.CreateApiToken;
using Caicaini.Identity.Features.GetMe;
using Caicaini.Identity.Features.ListApiTokens;
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

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RevokeApiToken(User.GetUserId(), tokenId), cancellationToken);
        TempData["Flash"] = result.IsSuccess ? "The token is revoked: it no longer works." : result.Error.Message;
        return RedirectToPage();
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
