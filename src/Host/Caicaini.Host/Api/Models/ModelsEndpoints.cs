using Caicaini.Models.Features.ListModels;
using Carter;
using Mediator;

namespace Caicaini.Host.Api.Models;

public sealed class ModelsEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", async (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListModels(), cancellationToken)))
            .WithName("Models_ListModels")
            .WithTags("Models")
            .WithSummary("The models you can choose, with prices in micro-credits per million tokens (public).")
            .AllowAnonymous();
    }
}
