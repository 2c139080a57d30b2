using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Caicaini.Shared.Messaging;

/// <summary>
/// Drains one module's outbox: claims pending rows with <c>FOR UPDATE SKIP LOCKED</c> (so several Host
/// instances share the work without delivering a row twice at once), hands each event to every
/// subscribed handler, and marks it processed in the same transaction that holds the claim.
/// A handler that throws leaves the event pending with a growing delay; the handlers that already
/// succeeded see the redelivery in their inbox and do nothing.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IntegrationEventRegistry registry,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IModuleDbContext
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            int dispatched;
            try
            {
                dispatched = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be briefly away; never let the loop die.
                logger.LogError(exception, "Outbox dispatch for {Context} failed", typeof(TContext).Name);
                dispatched = 0;
            }

            if (dispatched == 0)
            {
                try { await Task.Delay(_options.PollInterval, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Delivers one batch of due events; returns how many rows it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = clock.GetUtcNow();
        // The schema is the module's own constant, never input; the values are parameters.
        var claimSql = $"SELECT * FROM \"{db.SchemaName}\".outbox_messages " +
                       "WHERE processed_at IS NULL AND next_attempt_at <= @now " +
                       "ORDER BY occurred_at, id LIMIT @limit FOR UPDATE SKIP LOCKED";
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                claimSql,
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("limit", _options.BatchSize))
            .ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            try
            {
                await DeliverAsync(message, cancellationToken);
                message.ProcessedAt = clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.Attempts++;
                message.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}", 2000);
                message.NextAttemptAt = clock.GetUtcNow() + RetryDelay(message.Attempts);
                logger.LogWarning(exception, "Delivering {EventType} {EventId} failed (attempt {Attempt})",
                    message.Type, message.Id, message.Attempts);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!registry.TryGet(message.Type, out var eventType, out var handlerTypes))
            return; // Nobody listens to this event (yet): nothing to do.

        var integrationEvent = IntegrationEventSerializer.Deserialize(message.Payload, eventType);
        var context = new IntegrationEventContext(message.Id, message.OccurredAt, message.Attempts + 1);
        var handle = registry.HandleMethod(eventType);
        List<Exception>? failures = null;
        foreach (var handlerType in handlerTypes)
        {
            // Each handler gets its own scope, hence its own DbContext and transaction, and one
            // failing consumer does not keep the event from the others.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService(handlerType);
                await (Task)handle.Invoke(handler, System.Reflection.BindingFlags.DoNotWrapExceptions, null,
                    [integrationEvent, context, cancellationToken], null)!;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                (failures ??= []).Add(new IntegrationEventHandlerException(handlerType, exception));
            }
        }

        if (failures is not null)
            throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var seconds = Math.Pow(2, Math.Min(attempts, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxRetryDelay.TotalSeconds));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Names the consumer that failed, so the outbox row's last error says whom to look at.</summary>
public sealed class IntegrationEventHandlerException(Type handlerType, Exception inner)
    : Exception($"{handlerType.Name}: {inner.Message}", inner);
