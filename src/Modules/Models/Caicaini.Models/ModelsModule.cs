using Caicaini.Models.Data;
using Caicaini.Models.Domain;
using Caicaini.Models.Providers;
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
        services.Configure<ProviderOptions>(configuration.GetSection(ProviderOptions.Section));
        services.AddSingleton<TokenCounter>();
        services.AddSingleton<ChatClientFactory>();
        return services;
    }
}
