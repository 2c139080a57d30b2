namespace Caicaini.Shared.Messaging;

/// <summary>
/// A fact one module tells the others, declared in the sender's <c>.Contracts</c> project as a plain record.
/// It travels through the sender's outbox; its CLR full name is stored with it, so renaming an event
/// type is a breaking change for events still in flight.
/// </summary>
public interface IIntegrationEvent;

/// <summary>Where and when an event was recorded; <see cref="EventId"/> is what consumers de-duplicate on.</summary>
public sealed record IntegrationEventContext(Guid EventId, DateTimeOffset OccurredAt, int Attempt);

/// <summary>
/// Consumes one kind of integration event. Delivery is at least once: implementations must be idempotent,
/// which <see cref="InboxConsumer{TEvent, TContext}"/> gives for free.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task Handle(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}
