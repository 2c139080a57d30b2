using Caicaini.Help.Features.SearchFaq;
using Carter;
using Mediator;

namespace Caicaini.Host.Api.Help;

public sealed class HelpEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/help/faq", async (string? q, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new SearchFaq(q), cancellationToken)))
            .WithName("Help_SearchFaq")
            .WithTags("Help")
            .WithSummary("Search the FAQ (web-search syntax); without q, every published entry in page order.")
            .AllowAnonymous();
    }
}
