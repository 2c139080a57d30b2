using Caicaini.Identity.Contracts;

namespace Caicaini.Host.Infrastructure;

/// <summary>Who may open what: declared here, in the Host, and nowhere else.</summary>
internal static class Policies
{
    /// <summary>The back office: admins and operators.</summary>
    public const string Staff = "Staff";

    public const string Admin = "Admin";

    public static IServiceCollection AddCaicainiPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => policy.RequireRole(IdentityRoles.Admin, IdentityRoles.Operator))
            .AddPolicy(Admin, policy => policy.RequireRole(IdentityRoles.Admin));
        return services;
    }
}
