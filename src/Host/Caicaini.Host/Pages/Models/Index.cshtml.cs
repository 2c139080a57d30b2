using Caicaini.Models.Features.ListModels;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Models;

public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ModelView> Models { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Models = await sender.Send(new ListModels(), cancellationToken);
}
