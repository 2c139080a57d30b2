using Caicaini.Conversations.Data;
using Caicaini.Conversations.Features.Purge;
using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Conversations;

/// <summary>The Conversations module's only public entry: the Host calls this to add the module.</summary>
public static class ConversationsModule
{
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ConversationsDbContext>(configuration, ConversationsDbContext.Schema);
        services.AddModuleValidators(typeof(ConversationsModule).Assembly);
        services.Configure<ConversationsOptions>(configuration.GetSection(ConversationsOptions.Section));
        services.AddSingleton<ConversationsJanitor>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationsJanitor>());
        return services;
    }
}
