using Caicaini.Billing.Contracts;
using Caicaini.Billing.Features.ListPlans;
using Caicaini.Identity.Contracts;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Caicaini.Host.Infrastructure;

/// <summary>
/// Free and Starter are web-only plans: requests authenticated by a personal API token (the CLI, the SDK)
/// are refused on the product API until the account is on a plan that includes the CLI, and work again
/// the moment it is. Browser sessions and staff are not affected, nor are the Identity endpoints (who am
/// I, token management), so everyone can still see their plan and revoke a token.
/// </summary>
internal sealed class PlanIncludesCliRequirement : IAuthorizationRequirement;

internal sealed class PlanIncludesCliHandler(ISender sender) : AuthorizationHandler<PlanIncludesCliRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PlanIncludesCliRequirement requirement)
    {
        var user = context.User;
        var byApiToken = user.HasClaim(c => c.Type == IdentityClaims.ApiTokenId);
        if (!byApiToken || user.IsInRole(IdentityRoles.Admin) || user.IsInRole(IdentityRoles.Operator))
        {
            context.Succeed(requirement);
            return;
        }
        // Read per request, after any rollover: an upgrade or a lapsed plan counts at once.
        var plan = await sender.Send(new GetAccountPlan(user.GetUserId()));
        if (plan is { IncludesCli: true })
            context.Succeed(requirement);
        else // not open yet means it is about to open on Free
            context.Fail(new AuthorizationFailureReason(this, plan?.PlanName ?? "Free"));
    }
}

/// <summary>Turns the plan refusal into a 403 ProblemDetails that says what to do; every other outcome is ASP.NET Core's.</summary>
internal sealed class ApiAccessResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var refusal = authorizeResult.Forbidden
            ? authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is PlanIncludesCliHandler)
            : null;
        if (refusal is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var plans = await context.RequestServices.GetRequiredService<ISender>().Send(new ListPlans(), context.RequestAborted);
        var withCli = plans.Where(p => p.IncludesCli).Select(p => p.Name).ToList();
        var needed = withCli.Count > 1 ? $"{string.Join(", ", withCli[..^1])} or {withCli[^1]}" : withCli.SingleOrDefault() ?? "a plan that includes it";
        await context.Response.WriteProblemAsync(new Error("plan-without-api",
            $"Your plan ({refusal.Message}) is for the web app only: API tokens and the CLI need {needed}. Upgrade on the Billing page (/billing) and this token works straight away.",
            ErrorKind.Forbidden).ToProblemDetails());
    }
}
