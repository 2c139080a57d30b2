namespace Caicaini.Conversations.Domain;

/// <summary>
/// A user's conversation. Deleting sets <see cref="DeletedAt"/>: from then on every read ignores it, and the
/// purge job hard-deletes it and its messages (within 24 hours, usually within the hour).
/// </summary>
internal sealed class Conversation
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public required string Title { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public const int MaxTitleLength = 120;

    /// <summary>What we promise: gone from the database within this long after deletion.</summary>
    public static readonly TimeSpan PurgeWithin = TimeSpan.FromHours(24);

    public static string TitleFrom(string prompt)
    {
        var line = prompt.ReplaceLineEndings(" ").Trim();
        return line.Length <= 60 ? line : line[..60].TrimEnd() + "…";
    }
}

internal enum MessageRole
{
    User,
    Assistant,
}

internal enum MessageStatus
{
    /// <summary>The reply is being written; at most one per conversation (a unique index says so).</summary>
    Streaming,
    Completed,
    /// <summary>Cut short (Stop, disconnect, or the provider dropped mid-answer): charged for what was delivered.</summary>
    Stopped,
    /// <summary>Nothing was delivered; nothing was charged.</summary>
    Failed,
}

/// <summary>
/// One turn. An assistant message carries its receipt: requested model and the one that answered, the
/// router's reason, tokens (reported by the provider or estimated), cost and its split between buckets.
/// </summary>
internal sealed class Message
{
    public Guid Id { get; init; }
    public Guid ConversationId { get; init; }
    public Guid UserId { get; init; }
    public MessageRole Role { get; init; }
    public string Content { get; set; } = "";
    public MessageStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When the reply last made progress (partial text saved); the janitor only closes replies silent for a while.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    public string? RequestedModel { get; init; }
    public string? ModelUsed { get; set; }
    public string? RouterReason { get; init; }
    public string? Note { get; set; }
    public Guid? HoldId { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public int CacheReadTokens { get; set; }
    public int CacheWriteTokens { get; set; }
    public string? UsageSource { get; set; }
    public long CostMicros { get; set; }
    public long FromSubscriptionMicros { get; set; }
    public long FromTopUpMicros { get; set; }
    public long? SonnetCostMicros { get; set; }
    public long? OpusCostMicros { get; set; }
}
