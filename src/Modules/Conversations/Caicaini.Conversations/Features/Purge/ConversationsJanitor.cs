using Caicaini.Conversations.Data;
using Caicaini.Conversations.Domain;
using Caicaini.Conversations.Features.Chat;
using Caicaini.Shared.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caicaini.Conversations.Features.Purge;

/// <summary>
/// Two chores, safe to run in several instances at once (plain deletes; conditional updates; Billing's
/// settle and release are idempotent by hold):
/// 1. hard-delete conversations deleted earlier (and their messages, by cascade) — within 24 hours is the
///    promise, every run deletes all that are due;
/// 2. close replies left streaming by a crashed process: charge the text saved so far (estimated), or release.
/// </summary>
internal sealed class ConversationsJanitor(
    IServiceScopeFactory scopes, IOptions<ConversationsOptions> options, TimeProvider clock, ILogger<ConversationsJanitor> logger)
    : PeriodicJob(clock, logger)
{
    private readonly ConversationsOptions _options = options.Value;

    protected override TimeSpan Interval => _options.JanitorInterval < TimeSpan.FromHours(1) ? _options.JanitorInterval : TimeSpan.FromHours(1);
    protected override bool Enabled => _options.JanitorEnabled;

    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await CloseAbandonedRepliesAsync(cancellationToken) + await PurgeDeletedAsync(cancellationToken);

    internal async Task<int> PurgeDeletedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationsDbContext>();
        var now = Clock.GetUtcNow();
        return await db.Conversations.Where(c => c.DeletedAt != null && c.DeletedAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<int> CloseAbandonedRepliesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationsDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var cutoff = Clock.GetUtcNow() - _options.AbandonedAfter;
        var abandoned = await db.Messages.Where(m => m.Status == MessageStatus.Streaming && (m.LastActivityAt ?? m.CreatedAt) < cutoff)
            .OrderBy(m => m.CreatedAt).Take(500).ToListAsync(cancellationToken); // oldest first, so a backlog drains in order
        foreach (var message in abandoned)
        {
            var charged = 0L;
            if (message.HoldId is { } hold)
            {
                var (usage, settlement, failure) = await DeliveredText.ChargeAsync(
                    sender, hold, message.ModelUsed ?? "", message.InputTokens, message.Content, cancellationToken);
                if (failure is not null)
                    logger.LogError("Closing the hold of abandoned reply {MessageId} failed: {Error}", message.Id, failure);
                if (settlement is not null)
                {
                    charged = settlement.Charged.Micros;
                    message.FromSubscriptionMicros = settlement.FromSubscription.Micros;
                    message.FromTopUpMicros = settlement.FromTopUp.Micros;
                    message.OutputTokens = usage.OutputTokens;
                    message.UsageSource = "estimated";
                }
            }
            message.CostMicros = charged;
            message.Status = message.Content.Length > 0 ? MessageStatus.Stopped : MessageStatus.Failed;
            message.Note = "The server stopped while writing this answer. " + (charged > 0 ? "You were charged only for the part saved." : "Nothing was charged.");
            message.CompletedAt = Clock.GetUtcNow();
            message.HoldId = null;
            logger.LogWarning("Closed abandoned reply {MessageId} (charged {Charged} µcr)", message.Id, charged);
        }
        await db.SaveChangesAsync(cancellationToken);
        return abandoned.Count;
    }
}
