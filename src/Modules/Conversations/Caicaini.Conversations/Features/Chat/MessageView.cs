using Caicaini.Conversations.Domain;
using Caicaini.Shared.Text;

namespace Caicaini.Conversations.Features.Chat;

/// <summary>
/// A message with its receipt. Amounts are micro-credits. <see cref="ContentHtml"/> is the Markdown rendered
/// and sanitised on the server; <see cref="BillingReference"/> is the reference of its ledger entries.
/// </summary>
public sealed record MessageView(
    Guid Id, string Role, string Content, string ContentHtml, string Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    string? RequestedModel, string? ModelUsed, string? RouterReason, string? Note,
    int InputTokens, int OutputTokens, int CacheReadTokens, int CacheWriteTokens, string? UsageSource,
    long CostMicros, long FromSubscriptionMicros, long FromTopUpMicros, long? SonnetCostMicros, long? OpusCostMicros,
    string? BillingReference)
{
    internal static MessageView From(Message m) => new(
        m.Id, m.Role.ToString().ToLowerInvariant(), m.Content, MarkdownRenderer.ToHtml(m.Content), m.Status.ToString().ToLowerInvariant(),
        m.CreatedAt, m.CompletedAt, m.RequestedModel, m.ModelUsed, m.RouterReason, m.Note,
        m.InputTokens, m.OutputTokens, m.CacheReadTokens, m.CacheWriteTokens, m.UsageSource,
        m.CostMicros, m.FromSubscriptionMicros, m.FromTopUpMicros, m.SonnetCostMicros, m.OpusCostMicros,
        m.Role == MessageRole.Assistant ? BillingReferences.For(m.Id) : null);
}

internal static class BillingReferences
{
    /// <summary>The hold (and so the ledger entries) of one reply: replaying the reserve cannot hold twice.</summary>
    public static string For(Guid assistantMessageId) => $"reply:{assistantMessageId:N}";
}
