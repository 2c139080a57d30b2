using Caicaini.Identity.Features.ListUsers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Admin;

public sealed class UsersModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public UserPage? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListUsers(Search, PageNumber), cancellationToken);
}
