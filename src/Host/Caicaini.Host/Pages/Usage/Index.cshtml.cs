using Caicaini.Conversations.Features.Usage;
using Caicaini.Host.Infrastructure;
using Caicaini.Models.Features.ListModels;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Usage;

[Authorize]
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Model { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public UsagePage? Usage { get; private set; }
    public IReadOnlyList<ModelView> Models { get; private set; } = [];

    public string ExportUrl => QueryString.Create(new Dictionary<string, string?>
    {
        ["model"] = Model, ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var query ? "/api/conversations/usage/export" + query : "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Models = await sender.Send(new ListModels(IncludeDisabled: true), cancellationToken);
        Usage = await sender.Send(new ListUsage(User.GetUserId(), string.IsNullOrWhiteSpace(Model) ? null : Model, From, To, PageNumber, 100), cancellationToken);
    }
}
