using System.Diagnostics;
using Caicaini.Shared.Messaging;
using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Caicaini.Bench;

/// <summary>
/// How fast one module's outbox drains into an inbox consumer, with one and with two dispatchers
/// (two Host instances) sharing the work through FOR UPDATE SKIP LOCKED.
/// </summary>
public static class OutboxThroughput
{
    public static async Task RunAsync(string adminConnectionString, int events)
    {
        foreach (var dispatchers in new[] { 1, 2 })
        {
            var database = "caicaini_bench_" + Guid.NewGuid().ToString("N")[..12];
            await AdminAsync(adminConnectionString, $"CREATE DATABASE {database}");
            try
            {
                var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;
                var instances = Enumerable.Range(0, dispatchers).Select(_ => NewInstance(connectionString)).ToList();
                await CreateTablesAsync(instances[0]);

                var publish = Stopwatch.StartNew();
                await PublishAsync(instances[0], events);
                publish.Stop();

                var drain = Stopwatch.StartNew();
                await Task.WhenAll(instances.Select(DrainAsync));
                drain.Stop();

                Console.WriteLine($"outbox: {events} events published in {publish.ElapsedMilliseconds} ms " +
                                  $"({events / publish.Elapsed.TotalSeconds:F0}/s, 100 per transaction); " +
                                  $"delivered by {dispatchers} dispatcher(s) in {drain.ElapsedMilliseconds} ms " +
                                  $"({events / drain.Elapsed.TotalSeconds:F0} events/s)");
                foreach (var instance in instances) await instance.DisposeAsync();
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    private static ServiceProvider NewInstance(string connectionString)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<BenchDbContext>(o => o.UseModuleDatabase(connectionString, "bench"));
        services.AddMessagingCore(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Outbox:BatchSize"] = "100" }).Build());
        services.AddIntegrationEventHandler<Pinged, PingConsumer>();
        services.AddSingleton<OutboxDispatcher<BenchDbContext>>();
        return services.BuildServiceProvider();
    }

    private static async Task CreateTablesAsync(IServiceProvider instance)
    {
        await using var scope = instance.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BenchDbContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }

    private static async Task PublishAsync(IServiceProvider instance, int events)
    {
        for (var sent = 0; sent < events; sent += 100)
        {
            await using var scope = instance.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            for (var i = sent; i < Math.Min(events, sent + 100); i++)
                db.Publish(new Pinged(i), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
    }

    private static async Task DrainAsync(IServiceProvider instance)
    {
        var dispatcher = instance.GetRequiredService<OutboxDispatcher<BenchDbContext>>();
        var idle = 0;
        while (idle < 3)
            idle = await dispatcher.DispatchBatchAsync(default) == 0 ? idle + 1 : 0;
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed record Pinged(int Number) : IIntegrationEvent;

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : ModuleDbContext(options, "bench")
{
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

/// <summary>Does nothing but the inbox bookkeeping: what is measured is the outbox/inbox machinery.</summary>
public sealed class PingConsumer(BenchDbContext db, TimeProvider clock) : InboxConsumer<Pinged, BenchDbContext>(db, clock)
{
    protected override Task Apply(Pinged integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
