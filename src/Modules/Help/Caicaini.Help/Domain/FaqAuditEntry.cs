namespace Caicaini.Help.Domain;

/// <summary>Who changed which FAQ entry, when, and how (append-only).</summary>
internal sealed class FaqAuditEntry
{
    public long Id { get; init; }
    public int EntryId { get; init; }
    public required string Action { get; init; }
    public Guid ActorId { get; init; }
    public required string ActorName { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The question and answer as they were after the change, so any version can be read back.</summary>
    public required string Snapshot { get; init; }
}
