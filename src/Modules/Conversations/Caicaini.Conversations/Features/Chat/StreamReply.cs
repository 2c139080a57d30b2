using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Caicaini.Billing.Contracts;
using Caicaini.Conversations.Data;
using Caicaini.Conversations.Domain;
using Caicaini.Models.Contracts;
using Caicaini.Shared.Money;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caicaini.Conversations.Features.Chat;

/// <summary>
/// Streams the reply started by <see cref="StartReply"/> and settles it (DESIGN.md §4 steps 3–5): text deltas,
/// then <see cref="ReplyDone"/> with the receipt and balances, or <see cref="ReplyFailed"/>. When the caller
/// stops listening (Stop, disconnect) the upstream request is cancelled and only the delivered text is charged.
/// </summary>
public sealed record StreamReply(ReplyContext Reply) : IStreamRequest<ReplyEvent>;

public abstract record ReplyEvent;

public sealed record ReplyDelta(string Text) : ReplyEvent;

/// <summary>The finished message with its receipt, and both buckets after the charge (micro-credits).</summary>
public sealed record ReplyDone(MessageView Message, long SubscriptionMicros, long TopUpMicros) : ReplyEvent;

/// <summary>The provider failed. <paramref name="Status"/> is 502 (unavailable) or 503 (busy); the message says what was charged.</summary>
public sealed record ReplyFailed(int Status, string Code, string Detail, MessageView Message) : ReplyEvent;

internal sealed class StreamReplyHandler(
    ConversationsDbContext db, ISender sender, IOptions<ConversationsOptions> options, TimeProvider clock, ILogger<StreamReplyHandler> logger)
    : IStreamRequestHandler<StreamReply, ReplyEvent>
{
    /// <summary>Partial text is saved this often, so a crashed process still leaves what was delivered (and its charge) behind.</summary>
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(2);

    public async IAsyncEnumerable<ReplyEvent> Handle(StreamReply request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reply = request.Reply;
        var delivered = new StringBuilder();
        CompletionEvent? end = null;
        var (modelId, fallbackNote) = (reply.ModelId, (string?)null); // change when auto falls back to another model
        var lastSave = Stopwatch.StartNew();
        var lastRenewal = Stopwatch.StartNew();
        try
        {
            var completion = new StreamCompletion(reply.ModelId, reply.Messages, reply.MaxOutputTokens, FallBackOnFailure: reply.RequestedModel == ModelIds.Auto);
            await foreach (var e in sender.CreateStream(completion, cancellationToken))
            {
                if (e is ModelSwitched switched)
                {
                    // Saved at once: if this process dies mid-answer, the janitor prices the text at the model that wrote it.
                    (modelId, fallbackNote) = (switched.ModelId, switched.Note);
                    await db.Messages.Where(m => m.Id == reply.AssistantMessageId).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.ModelUsed, switched.ModelId).SetProperty(m => m.Note, switched.Note), cancellationToken);
                    continue;
                }
                if (e is not TextDelta delta)
                {
                    end = e;
                    continue;
                }
                delivered.Append(delta.Text);
                yield return new ReplyDelta(delta.Text);
                if (lastSave.Elapsed >= SaveEvery)
                {
                    var now = clock.GetUtcNow();
                    await db.Messages.Where(m => m.Id == reply.AssistantMessageId)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.Content, delivered.ToString()).SetProperty(m => m.LastActivityAt, now), cancellationToken);
                    lastSave.Restart();
                    if (lastRenewal.Elapsed >= options.Value.RenewHoldEvery)
                    {
                        await RenewHoldAsync(reply, cancellationToken);
                        lastRenewal.Restart();
                    }
                }
            }
        }
        finally
        {
            // No closing event: the caller went away (or something broke). Charge what was delivered, nothing more.
            if (end is null)
                await StopAsync(reply, modelId, fallbackNote, delivered.ToString());
        }

        switch (end)
        {
            case CompletionFinished finished:
                yield return await CompleteAsync(reply, delivered.ToString(), finished);
                break;
            case CompletionFailed failed:
                yield return await FailAsync(reply, delivered.ToString(), failed);
                break;
        }
    }

    private async Task<ReplyEvent> CompleteAsync(ReplyContext reply, string text, CompletionFinished finished)
    {
        var settlement = await SettleAsync(reply, finished.Cost);
        var message = await UpdateAsync(reply, m =>
        {
            m.Content = text;
            m.Status = MessageStatus.Completed;
            m.ModelUsed = finished.ModelId;
            m.Note = finished.FallbackNote;
            Record(m, reply, finished.Usage, settlement);
        });
        return new ReplyDone(MessageView.From(message), settlement?.SubscriptionAfter.Micros ?? 0, settlement?.TopUpAfter.Micros ?? 0);
    }

    private async Task<ReplyEvent> FailAsync(ReplyContext reply, string text, CompletionFailed failed)
    {
        Settlement? settlement = null;
        if (failed.AnyOutput) settlement = await SettleAsync(reply, failed.Cost);
        else await ReleaseAsync(reply);
        var message = await UpdateAsync(reply, m =>
        {
            m.Content = text;
            m.Status = failed.AnyOutput ? MessageStatus.Stopped : MessageStatus.Failed;
            m.ModelUsed = failed.ModelId;
            m.Note = failed.AnyOutput ? $"The answer was cut off: {failed.Message} You were charged only for the part delivered." : $"{failed.Message} Nothing was charged.";
            Record(m, reply, failed.Usage, settlement);
        });
        return new ReplyFailed(failed.Kind == ProviderFailureKind.Overloaded ? 503 : 502,
            failed.Kind == ProviderFailureKind.Overloaded ? "provider-overloaded" : "provider-unavailable", message.Note!, MessageView.From(message));
    }

    private async Task StopAsync(ReplyContext reply, string modelId, string? fallbackNote, string text)
    {
        try
        {
            var (usage, settlement, failure) = await DeliveredText.ChargeAsync(sender, reply.HoldId, modelId, reply.InputTokens, text, CancellationToken.None);
            if (failure is not null)
                logger.LogError("Closing the hold of stopped reply {MessageId} failed: {Error}", reply.AssistantMessageId, failure);
            await UpdateAsync(reply, m =>
            {
                m.Content = text;
                m.Status = MessageStatus.Stopped;
                m.ModelUsed = modelId;
                m.Note = (fallbackNote is null ? "" : fallbackNote + " ")
                         + (text.Length == 0 ? "Stopped before any text arrived. Nothing was charged." : "Stopped. You were charged only for the part delivered.");
                Record(m, reply, usage, settlement);
            });
        }
        catch (Exception e)
        {
            // The hold stays open; the janitor settles it from the saved text (or the billing sweeper releases it).
            logger.LogError(e, "Could not close the stopped reply {MessageId}", reply.AssistantMessageId);
        }
    }

    /// <summary>A long answer keeps its hold: without renewals Billing's sweeper would release it after 10 minutes.</summary>
    private async Task RenewHoldAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var renewed = await sender.Send(new RenewHold(reply.HoldId), cancellationToken);
        if (!renewed.IsSuccess)
            logger.LogError("Renewing the hold of reply {MessageId} failed: {Error}", reply.AssistantMessageId, renewed.Error!.Code);
    }

    private async Task<Settlement?> SettleAsync(ReplyContext reply, Credits cost)
    {
        var settled = await sender.Send(new SettleHold(reply.HoldId, cost), CancellationToken.None);
        if (settled.IsSuccess) return settled.Value;
        logger.LogError("Settling the hold of reply {MessageId} failed: {Error}", reply.AssistantMessageId, settled.Error!.Code);
        return null;
    }

    private async Task ReleaseAsync(ReplyContext reply)
    {
        var released = await sender.Send(new ReleaseHold(reply.HoldId), CancellationToken.None);
        if (!released.IsSuccess)
            logger.LogError("Releasing the hold of reply {MessageId} failed: {Error}", reply.AssistantMessageId, released.Error!.Code);
    }

    private static void Record(Message m, ReplyContext reply, TokenUsage usage, Settlement? settlement)
    {
        m.InputTokens = usage.InputTokens;
        m.OutputTokens = usage.OutputTokens;
        m.CacheReadTokens = usage.CacheReadTokens;
        m.CacheWriteTokens = usage.CacheWriteTokens;
        m.UsageSource = usage.Source.ToString().ToLowerInvariant();
        m.CostMicros = settlement?.Charged.Micros ?? 0;
        m.FromSubscriptionMicros = settlement?.FromSubscription.Micros ?? 0;
        m.FromTopUpMicros = settlement?.FromTopUp.Micros ?? 0;
        // For auto, what Sonnet and Opus would have charged for exactly this usage: the saving, made visible.
        if (reply.RequestedModel == ModelIds.Auto)
        {
            m.SonnetCostMicros = reply.Comparison.GetValueOrDefault("caicaini/sonnet")?.CostOf(usage).Micros;
            m.OpusCostMicros = reply.Comparison.GetValueOrDefault("caicaini/opus")?.CostOf(usage).Micros;
        }
    }

    private async Task<Message> UpdateAsync(ReplyContext reply, Action<Message> change)
    {
        db.ChangeTracker.Clear();
        // Deleted and purged while it was streaming: the charge still stands (Billing keeps it), the text goes nowhere.
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == reply.AssistantMessageId, CancellationToken.None)
                      ?? new Message { Id = reply.AssistantMessageId, ConversationId = reply.ConversationId, Role = MessageRole.Assistant };
        change(message);
        message.CompletedAt = clock.GetUtcNow();
        message.HoldId = null; // closed
        await db.SaveChangesAsync(CancellationToken.None);
        return message;
    }
}
