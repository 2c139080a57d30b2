using Caicaini.Host.Infrastructure;
using Caicaini.Identity.Features.CreateApiToken;
using Caicaini.Billing.Contracts;
using Caicaini.Identity.Features.GetMe;
using Caicaini.Identity.Features.IssueApiToken;
using Caicaini.Identity.Features.ListApiTokens;
using Caicaini.Identity.Features.RegisterUser;
using Caicaini.Identity.Features.RevokeApiToken;
using Caicaini.Shared.Results;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Caicaini.Host.Api.Identity;

public sealed record RegisterRequest(string Email, string Username, string Password);

/// <summary>Credentials for a new API token; <see cref="TwoFactorCode"/> when the account has 2FA.</summary>
public sealed record IssueTokenRequest(string Login, string Password, string? TwoFactorCode, string? Name, int? ExpiresInDays);

public sealed record CreateTokenRequest(string Name, int? ExpiresInDays);

public sealed class IdentityEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var identity = app.MapGroup("/api/identity").WithTags("Identity");

        identity.MapPost("/register", async Task<Results<Created<RegisteredUser>, ProblemHttpResult>> (
                RegisterRequest body, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new RegisterUser(body.Email, body.Username, body.Password), cancellationToken))
                    .Match<Results<Created<RegisteredUser>, ProblemHttpResult>>(
                        user => TypedResults.Created("/api/identity/me", user), error => error.ToProblem()))
            .WithName("Identity_Register")
            .WithSummary("Create an account (201), or 409 when the email or username is taken, 422 for invalid fields.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(RateLimits.Credentials)
            .AllowAnonymous();

        identity.MapPost("/tokens", async Task<Results<Created<NewApiToken>, ProblemHttpResult>> (
                IssueTokenRequest body, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new IssueApiToken(body.Login, body.Password, body.TwoFactorCode, body.Name, body.ExpiresInDays), cancellationToken))
                    .Match<Results<Created<NewApiToken>, ProblemHttpResult>>(
                        token => TypedResults.Created("/api/identity/tokens", token), error => error.ToProblem()))
            .WithName("Identity_IssueToken")
            .WithSummary("Exchange credentials (and a 2FA code when enabled) for a personal API token, shown once.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(RateLimits.Credentials)
            .AllowAnonymous();

        var signedIn = identity.MapGroup("").RequireAuthorization();

        signedIn.MapGet("/me", async Task<Results<Ok<MeView>, ProblemHttpResult>> (
                ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var me = await sender.Send(new GetMe(user.GetUserId()), cancellationToken);
                if (!me.IsSuccess) return me.Error!.ToProblem();
                // The plan lives in Billing; the Host joins the two answers.
                var plan = await sender.Send(new GetAccountPlan(me.Value.Id), cancellationToken);
                return TypedResults.Ok(MeView.From(me.Value, plan));
            })
            .WithName("Identity_Me")
            .WithSummary("Who the cookie or API token belongs to, and their plan (null for a moment after sign-up).");

        signedIn.MapGet("/tokens", async (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListApiTokens(user.GetUserId()), cancellationToken)))
            .WithName("Identity_ListTokens")
            .WithSummary("Your active API tokens (never their secrets).");

        signedIn.MapPost("/tokens/new", async (CreateTokenRequest body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Created("/api/identity/tokens", await sender.Send(new CreateApiToken(user.GetUserId(), body.Name, body.ExpiresInDays), cancellationToken)))
            .WithName("Identity_CreateToken")
            .WithSummary("Create another API token while signed in; the secret is shown once.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        signedIn.MapDelete("/tokens/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new RevokeApiToken(user.GetUserId(), id), cancellationToken))
                    .Match<Results<NoContent, ProblemHttpResult>>(_ => TypedResults.NoContent(), error => error.ToProblem()))
            .WithName("Identity_RevokeToken")
            .WithSummary("Revoke one of your API tokens at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

public sealed record MeView(Guid Id, string Username, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, DateTimeOffset CreatedAt, AccountPlan? Plan)
{
    public static MeView From(Me me, AccountPlan? plan) => new(me.Id, me.Username, me.Email, me.Roles, me.TwoFactorEnabled, me.CreatedAt, plan);
}
