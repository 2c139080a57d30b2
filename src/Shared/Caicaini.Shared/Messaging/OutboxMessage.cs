namespace Caicaini.Shared.Messaging;

/// <summary>An integration event waiting in its sender's schema to be delivered (table <c>outbox_messages</c>).</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Proof that a consumer applied an event (table <c>inbox_messages</c> in the consumer's schema).</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
