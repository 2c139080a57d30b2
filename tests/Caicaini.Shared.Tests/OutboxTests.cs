using Caicaini.Shared.Messaging;
using Caicaini.Shared.Persistence;
using Caicaini.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Shared.Tests;

/// <summary>
/// The outbox and inbox against real PostgreSQL: a "sender" module publishes, a "receiver" module
/// consumes. Each ServiceProvider built here stands for one running Host instance.
/// </summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly AdjustableClock _clock = new();
    private readonly DeliveryLog _deliveries = new();
    private readonly ConsumerProbe _first = new();
    private readonly ConsumerProbe _second = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync();
        await using var instance = NewInstance(_clock);
        await using var scope = instance.CreateAsyncScope();
        foreach (var context in new DbContext[] { scope.ServiceProvider.GetRequiredService<SenderDbContext>(), scope.ServiceProvider.GetRequiredService<ReceiverDbContext>() })
            await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_event_saved_with_its_change_reaches_every_consumer_once()
    {
        await using var instance = NewInstance(_clock);
        var greeting = await SendGreetingAsync(instance, "hello");

        Assert.Equal(1, await Dispatcher(instance).DispatchBatchAsync(default));
        Assert.Equal(0, await Dispatcher(instance).DispatchBatchAsync(default));

        Assert.Equal(["first", "second"], await ReceivedByAsync(instance, greeting));
        Assert.Equal(1, _deliveries.Count);
        Assert.Equal(0, await PendingAsync(instance));
    }

    [Fact]
    public async Task An_event_rolled_back_with_its_change_is_never_sent()
    {
        await using var instance = NewInstance(_clock);
        await using (var scope = instance.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenderDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var id = Guid.NewGuid();
            db.Greetings.Add(new Greeting { Id = id, Text = "never" });
            db.Publish(new GreetingSent(id, "never"), _clock.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await Dispatcher(instance).DispatchBatchAsync(default));
        Assert.Equal(0, _deliveries.Count);
    }

    [Fact]
    public async Task Two_dispatchers_racing_deliver_each_event_exactly_once()
    {
        const int events = 300;
        await using var hostA = NewInstance(_clock, batchSize: 7);
        await using var hostB = NewInstance(_clock, batchSize: 7);
        var sent = new List<Guid>();
        for (var i = 0; i < events; i++) sent.Add(await SendGreetingAsync(hostA, $"greeting {i}"));

        var claimed = await Task.WhenAll(DrainAsync(hostA), DrainAsync(hostB));

        Assert.Equal(events, claimed.Sum());
        Assert.Equal(events, _deliveries.Count);
        Assert.Equal(events, _deliveries.Distinct);
        Assert.Equal(events, _first.Calls);
        Assert.Equal(events, _second.Calls);
        Assert.Equal(events * 2, await CountReceivedAsync(hostA));
    }

    [Fact]
    public async Task A_consumer_that_throws_is_retried_later_and_its_effect_lands_once()
    {
        await using var instance = NewInstance(_clock);
        var greeting = await SendGreetingAsync(instance, "flaky");
        _first.FailNext(1);

        Assert.Equal(1, await Dispatcher(instance).DispatchBatchAsync(default));
        var failed = await OutboxRowAsync(instance);
        Assert.Null(failed.ProcessedAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("failed on purpose", failed.LastError);
        Assert.Equal(["second"], await ReceivedByAsync(instance, greeting));

        // Not due yet: the retry waits.
        Assert.Equal(0, await Dispatcher(instance).DispatchBatchAsync(default));

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await Dispatcher(instance).DispatchBatchAsync(default));

        var done = await OutboxRowAsync(instance);
        Assert.NotNull(done.ProcessedAt);
        Assert.Equal(["first", "second"], await ReceivedByAsync(instance, greeting));
        Assert.Equal(2, _first.Calls); // Failed once, then applied.
        Assert.Equal(1, _second.Calls); // Its inbox turned the redelivery into a no-op.
    }

    [Fact]
    public async Task The_same_event_delivered_many_times_at_once_is_applied_once()
    {
        await using var instance = NewInstance(_clock);
        var greeting = new GreetingSent(Guid.NewGuid(), "duplicate");
        var context = new IntegrationEventContext(Guid.NewGuid(), _clock.GetUtcNow(), 1);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = instance.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FirstGreetingConsumer>().Handle(greeting, context, default);
        }));

        Assert.Equal(["first"], await ReceivedByAsync(instance, greeting.GreetingId));
        Assert.Equal(1, _first.Calls);
    }

    [Fact]
    public async Task The_background_dispatcher_delivers_without_being_asked()
    {
        await using var instance = NewInstance(TimeProvider.System, pollInterval: TimeSpan.FromMilliseconds(20));
        var dispatcher = Dispatcher(instance);
        await dispatcher.StartAsync(default);
        try
        {
            var greeting = await SendGreetingAsync(instance, "background");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await ReceivedByAsync(instance, greeting)).Length < 2 && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            Assert.Equal(["first", "second"], await ReceivedByAsync(instance, greeting));
        }
        finally
        {
            await dispatcher.StopAsync(default);
        }
    }

    private ServiceProvider NewInstance(TimeProvider clock, int batchSize = 50, TimeSpan? pollInterval = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Outbox:BatchSize"] = batchSize.ToString(),
            ["Outbox:PollInterval"] = (pollInterval ?? TimeSpan.FromMilliseconds(500)).ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddDbContext<SenderDbContext>(o => o.UseModuleDatabase(_database.ConnectionString, "sender"));
        services.AddDbContext<ReceiverDbContext>(o => o.UseModuleDatabase(_database.ConnectionString, "receiver"));
        services.AddMessagingCore(configuration);
        services.AddSingleton(_deliveries);
        services.AddSingleton(_first);
        services.AddKeyedSingleton("second", _second);
        services.AddIntegrationEventHandler<GreetingSent, CountingHandler>();
        services.AddIntegrationEventHandler<GreetingSent, FirstGreetingConsumer>();
        services.AddIntegrationEventHandler<GreetingSent, SecondGreetingConsumer>();
        services.AddSingleton<OutboxDispatcher<SenderDbContext>>();
        return services.BuildServiceProvider();
    }

    private static OutboxDispatcher<SenderDbContext> Dispatcher(IServiceProvider instance) =>
        instance.GetRequiredService<OutboxDispatcher<SenderDbContext>>();

    private async Task<Guid> SendGreetingAsync(IServiceProvider instance, string text)
    {
        await using var scope = instance.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenderDbContext>();
        var id = Guid.NewGuid();
        db.Greetings.Add(new Greeting { Id = id, Text = text });
        db.Publish(new GreetingSent(id, text), _clock.GetUtcNow());
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task<int> DrainAsync(IServiceProvider instance)
    {
        var claimed = 0;
        while (await PendingAsync(instance) > 0)
            claimed += await Dispatcher(instance).DispatchBatchAsync(default);
        return claimed;
    }

    private static async Task<int> PendingAsync(IServiceProvider instance)
    {
        await using var scope = instance.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenderDbContext>()
            .Set<OutboxMessage>().CountAsync(m => m.ProcessedAt == null);
    }

    private static async Task<OutboxMessage> OutboxRowAsync(IServiceProvider instance)
    {
        await using var scope = instance.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenderDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync();
    }

    private static async Task<string[]> ReceivedByAsync(IServiceProvider instance, Guid greetingId)
    {
        await using var scope = instance.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReceiverDbContext>().Received
            .Where(r => r.GreetingId == greetingId).Select(r => r.ReceivedBy).OrderBy(r => r).ToArrayAsync();
    }

    private static async Task<int> CountReceivedAsync(IServiceProvider instance)
    {
        await using var scope = instance.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReceiverDbContext>().Received.CountAsync();
    }
}

/// <summary>Records raw deliveries (no inbox), so a double delivery by the dispatchers would show.</summary>
public sealed class DeliveryLog
{
    private readonly System.Collections.Concurrent.ConcurrentBag<Guid> _eventIds = [];
    public int Count => _eventIds.Count;
    public int Distinct => _eventIds.Distinct().Count();
    public void Add(Guid eventId) => _eventIds.Add(eventId);
}

public sealed class CountingHandler(DeliveryLog log) : IIntegrationEventHandler<GreetingSent>
{
    public Task Handle(GreetingSent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        log.Add(context.EventId);
        return Task.CompletedTask;
    }
}
