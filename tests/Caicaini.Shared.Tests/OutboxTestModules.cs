using Caicaini.Shared.Messaging;
using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Shared.Tests;

// Two tiny modules, each in its own schema, to exercise the outbox and inbox for real.

public sealed record GreetingSent(Guid GreetingId, string Text) : IIntegrationEvent;

public sealed class Greeting
{
    public Guid Id { get; init; }
    public required string Text { get; init; }
}

public sealed class ReceivedGreeting
{
    public Guid Id { get; init; }
    public Guid GreetingId { get; init; }
    public required string ReceivedBy { get; init; }
}

public sealed class SenderDbContext(DbContextOptions<SenderDbContext> options) : ModuleDbContext(options, "sender")
{
    public DbSet<Greeting> Greetings => Set<Greeting>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<Greeting>();
}

public sealed class ReceiverDbContext(DbContextOptions<ReceiverDbContext> options) : ModuleDbContext(options, "receiver")
{
    public DbSet<ReceivedGreeting> Received => Set<ReceivedGreeting>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<ReceivedGreeting>();
}

/// <summary>Counts every call and can be told to fail, so tests see retries and duplicates.</summary>
public sealed class ConsumerProbe
{
    private int _calls;
    private int _failuresLeft;

    public int Calls => Volatile.Read(ref _calls);

    public void FailNext(int times) => Volatile.Write(ref _failuresLeft, times);

    public void Called()
    {
        Interlocked.Increment(ref _calls);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new InvalidOperationException("The consumer failed on purpose.");
    }
}

public sealed class FirstGreetingConsumer(ReceiverDbContext db, TimeProvider clock, ConsumerProbe probe)
    : InboxConsumer<GreetingSent, ReceiverDbContext>(db, clock)
{
    protected override Task Apply(GreetingSent e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        Db.Received.Add(new ReceivedGreeting { Id = Guid.NewGuid(), GreetingId = e.GreetingId, ReceivedBy = "first" });
        probe.Called();
        return Task.CompletedTask;
    }
}

/// <summary>A second consumer of the same event, to prove one failing consumer does not repeat the other.</summary>
public sealed class SecondGreetingConsumer(ReceiverDbContext db, TimeProvider clock, [Microsoft.Extensions.DependencyInjection.FromKeyedServices("second")] ConsumerProbe probe)
    : InboxConsumer<GreetingSent, ReceiverDbContext>(db, clock)
{
    protected override Task Apply(GreetingSent e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        Db.Received.Add(new ReceivedGreeting { Id = Guid.NewGuid(), GreetingId = e.GreetingId, ReceivedBy = "second" });
        probe.Called();
        return Task.CompletedTask;
    }
}
