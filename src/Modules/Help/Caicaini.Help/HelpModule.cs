using Caicaini.Help.Data;
using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Help;

/// <summary>The Help module's only public entry: the Host calls this to add the module.</summary>
public static class HelpModule
{
    public static IServiceCollection AddHelp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<HelpDbContext>(configuration, HelpDbContext.Schema);
        services.AddModuleValidators(typeof(HelpModule).Assembly);
        return services;
    }
}
