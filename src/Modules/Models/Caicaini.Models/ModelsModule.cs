using Caicaini.Models.Data;
using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Models;

/// <summary>The Models module's only public entry: the Host calls this to add the module.</summary>
public static class ModelsModule
{
    public static IServiceCollection AddModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ModelsDbContext>(configuration, ModelsDbContext.Schema);
        services.AddModuleValidators(typeof(ModelsModule).Assembly);
        return services;
    }
}
