using System.Security.Claims;
using Caicaini.Billing.Features.AdjustCredits;
using Caicaini.Billing.Features.ChangePlan;
using Caicaini.Billing.Features.ExportLedger;
using Caicaini.Billing.Features.GetBalance;
using Caicaini.Billing.Features.GetLedger;
using Caicaini.Billing.Features.ListAdjustments;
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
            .RequireAuthorization(Policies.ApiPlan);

        billing.MapGet("/ledger", async (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken,
                string? kind, string? bucket, int page = 1, int pageSize = 50) =>
                TypedResults.Ok(await sender.Send(new GetLedger(user.GetUserId(), kind, bucket, page, pageSize), cancellationToken)))
            .WithName("Billing_GetLedger")
            .WithSummary("Your ledger, newest first; filter by kind (grant, hold, release, charge, expire, topup, refund, adjust) or bucket (subscription, topup).")
            .RequireAuthorization(Policies.ApiPlan);
    
        billing.MapGet("/ledger/export", async (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken, string? kind, string? bucket) =>
                TypedResults.Text(await sender.Send(new ExportLedger(user.GetUserId(), kind, bucket), cancellationToken), "text/csv; charset=utf-8"))
            .WithName("Billing_ExportLedger")
            .WithSummary("Your whole ledger as CSV (amounts in credits, oldest first), with the same filters as /ledger.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .RequireAuthorization(Policies.ApiPlan);

        // Automation for the back office. Admins only: Operators confirm payments but do not mint credits.
        var admin = billing.MapGroup("/admin/accounts/{userId:guid}").RequireAuthorization(Policies.Admin);

        admin.MapGet("", async Task<Results<Ok<AdminAccountView>, ProblemHttpResult>> (Guid userId, ISender sender, CancellationToken cancellationToken) =>
            {
                var balance = await sender.Send(new GetBalance(userId), cancellationToken);
                if (!balance.IsSuccess) return balance.Error!.ToProblem();
                return TypedResults.Ok(new AdminAccountView(balance.Value, await sender.Send(new ListAdjustments(userId), cancellationToken)));
            })
            .WithName("Billing_AdminGetAccount")
            .WithSummary("A user's balance and the admin actions taken on the account (Admin).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/adjustments", async Task<Results<Ok<AdjustmentResult>, ProblemHttpResult>> (
                Guid userId, AdjustCreditsRequest body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new AdjustCredits(userId, user.GetUserId(), body.Bucket ?? "", body.AmountMicros, body.Reason ?? "", body.Reference), cancellationToken))
                    .Match<Results<Ok<AdjustmentResult>, ProblemHttpResult>>(result => TypedResults.Ok(result), error => error.ToProblem()))
            .WithName("Billing_AdminAdjustCredits")
            .WithSummary("Grant (positive) or deduct (negative) micro-credits in one bucket, with a reason (Admin). A deduct beyond the balance is refused.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPost("/plan", async Task<Results<Ok<PlanChanged>, ProblemHttpResult>> (
                Guid userId, ChangePlanRequest body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new ChangePlan(userId, user.GetUserId(), body.PlanId ?? "", body.Periods ?? 1, body.Reason ?? ""), cancellationToken))
                    .Match<Results<Ok<PlanChanged>, ProblemHttpResult>>(result => TypedResults.Ok(result), error => error.ToProblem()))
            .WithName("Billing_AdminChangePlan")
            .WithSummary("Put the user on a plan at no charge for a number of months, with a reason (Admin).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }
}

public sealed record AdminAccountView(Balance Balance, IReadOnlyList<AdjustmentView> Adjustments);

/// <summary><see cref="AmountMicros"/>: positive grants, negative deducts; <see cref="Reference"/> makes a retry safe.</summary>
public sealed record AdjustCreditsRequest(string? Bucket, long AmountMicros, string? Reason, string? Reference);

public sealed record ChangePlanRequest(string? PlanId, int? Periods, string? Reason);
