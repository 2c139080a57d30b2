using Caicaini.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace Caicaini.Host.Infrastructure;

/// <summary>Who may open what: declared here, in the Host, and nowhere else.</summary>
internal static class Policies
{
    /// <summary>The back office: admins and operators.</summary>
    public const string Staff = "Staff";

    public const string Admin = "Admin";

    /// <summary>Signed in; with an API token, only on a plan that includes the CLI (see <see cref="PlanIncludesCliHandler"/>).</summary>
    public const string ApiPlan = "ApiPlan";

    public static IServiceCollection AddCaicainiPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => policy.RequireRole(IdentityRoles.Admin, IdentityRoles.Operator))
            .AddPolicy(Admin, policy => policy.RequireRole(IdentityRoles.Admin))
            .AddPolicy(ApiPlan, policy => policy.RequireAuthenticatedUser().AddRequirements(new PlanIncludesCliRequirement()));
        services.AddScoped<IAuthorizationHandler, PlanIncludesCliHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAccessResultHandler>();
        return services;
    }
}
