using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Caicaini.Shared.Messaging;

/// <summary>
/// Base for a module's event consumer: records the event id in the consumer's own <c>inbox_messages</c>
/// in the same transaction as the effect, so a redelivered event is a no-op. A concurrent duplicate
/// blocks on the inbox row until the first commits, then sees it and does nothing.
/// </summary>
public abstract class InboxConsumer<TEvent, TContext>(TContext db, TimeProvider clock)
    : IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
    where TContext : DbContext, IModuleDbContext
{
    protected TContext Db { get; } = db;

    public async Task Handle(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        // The schema is the module's own constant, never input; the values are parameters.
        var recordSql = $"INSERT INTO \"{Db.SchemaName}\".inbox_messages (event_id, consumer, processed_at) " +
                        "VALUES (@event_id, @consumer, @now) ON CONFLICT DO NOTHING";
        var recorded = await Db.Database.ExecuteSqlRawAsync(
            recordSql,
            [
                new NpgsqlParameter("event_id", context.EventId),
                new NpgsqlParameter("consumer", GetType().FullName!),
                new NpgsqlParameter("now", clock.GetUtcNow()),
            ],
            cancellationToken);
        if (recorded == 0)
            return; // Already applied by an earlier delivery.

        await Apply(integrationEvent, context, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The effect. Change <see cref="Db"/>; the base saves and commits with the inbox record.</summary>
    protected abstract Task Apply(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}
