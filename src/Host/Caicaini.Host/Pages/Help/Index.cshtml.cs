using Caicaini.Help.Features.GetFaq;
using Caicaini.Help.Features.SearchFaq;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Help;

public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public FaqView? Faq { get; private set; }
    public FaqSearchResults? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A search shows only what matched; no search shows every section.
        if (!string.IsNullOrWhiteSpace(Query))
            Results = await sender.Send(new SearchFaq(Query), cancellationToken);
        else
            Faq = await sender.Send(new GetFaq(), cancellationToken);
    }
}
