using Caicaini.Identity.Data;
using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Identity;

/// <summary>The Identity module's only public entry: the Host calls this to add the module.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext>(configuration, IdentityDbContext.Schema);
        services.AddModuleValidators(typeof(IdentityModule).Assembly);
        return services;
    }
}
