using System.Security.Claims;
using Caicaini.Billing.Features.GetBalance;
using Caicaini.Billing.Features.GetLedger;
using Caicaini.Billing.Features.ListPlans;
using Caicaini.Host.Infrastructure;
using Caicaini.Shared.Results;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caicaini.Host.Api.Billing;

public sealed class BillingEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var billing = app.MapGroup("/api/billing").WithTags("Billing");

        billing.MapGet("/plans", async (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPlans(), cancellationToken)))
            .WithName("Billing_ListPlans")
            .WithSummary("The plans: monthly price in US cents, monthly credits in micro-credits, whether the CLI is included.")
            .AllowAnonymous();

        billing.MapGet("/balance", async Task<Results<Ok<Balance>, ProblemHttpResult>> (
                ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new GetBalance(user.GetUserId()), cancellationToken))
                    .Match<Results<Ok<Balance>, ProblemHttpResult>>(balance => TypedResults.Ok(balance), error => error.ToProblem()))
            .WithName("Billing_GetBalance")
            .WithSummary("Your plan, both credit buckets (micro-credits) and the current billing period.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();

        billing.MapGet("/ledger", async (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken,
                string? kind, string? bucket, int page = 1, int pageSize = 50) =>
                TypedResults.Ok(await sender.Send(new GetLedger(user.GetUserId(), kind, bucket, page, pageSize), cancellationToken)))
            .WithName("Billing_GetLedger")
            .WithSummary("Your ledger, newest first; filter by kind (grant, hold, release, charge, expire, topup, refund, adjust) or bucket (subscription, topup).")
            .RequireAuthorization();
    }
}
