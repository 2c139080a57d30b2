using Caicaini.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Caicaini.Shared.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "Caicaini";

    /// <summary>
    /// Registers a module's DbContext on the shared PostgreSQL database, in its own schema with its own
    /// migrations history table, plus the dispatcher that drains its outbox.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(
        this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : DbContext, IModuleDbContext
    {
        services.AddDbContext<TContext>(options => options.UseModuleDatabase(
            configuration.GetConnectionString(ConnectionStringName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set."),
            schema));
        services.AddSingleton(new ModuleDatabase(typeof(TContext), schema));
        services.AddOutboxDispatcher<TContext>(configuration);
        return services;
    }

    public static DbContextOptionsBuilder UseModuleDatabase(
        this DbContextOptionsBuilder options, string connectionString, string schema) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema))
            .UseSnakeCaseNamingConvention();

    private static void AddOutboxDispatcher<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext, IModuleDbContext
    {
        services.AddMessagingCore(configuration);
        services.AddSingleton<OutboxDispatcher<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TContext>>());
    }

    public static IServiceCollection AddMessagingCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IntegrationEventRegistry>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        return services;
    }

    /// <summary>Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/> from any module's outbox.</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new IntegrationEventSubscription(typeof(TEvent), typeof(THandler)));
        return services;
    }
}
