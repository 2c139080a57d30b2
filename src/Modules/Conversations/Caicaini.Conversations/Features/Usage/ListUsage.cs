using System.Globalization;
using System.Text;
using Caicaini.Conversations.Data;
using Caicaini.Conversations.Domain;
using Caicaini.Shared.Money;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Conversations.Features.Usage;

/// <summary>Every reply's model, tokens and cost, newest first, optionally one model and a date range (UTC days, inclusive).</summary>
public sealed record ListUsage(Guid UserId, string? Model = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 100)
    : IQuery<UsagePage>;

public sealed record UsagePage(IReadOnlyList<UsageLine> Lines, int Page, int PageSize, int Total, long TotalCostMicros);

public sealed record UsageLine(
    Guid MessageId, Guid ConversationId, DateTimeOffset At, string? RequestedModel, string? ModelUsed, string Status,
    int InputTokens, int OutputTokens, int CacheReadTokens, int CacheWriteTokens, string? UsageSource,
    long CostMicros, long FromSubscriptionMicros, long FromTopUpMicros);

/// <summary>The same rows as CSV, oldest first.</summary>
public sealed record ExportUsage(Guid UserId, string? Model = null, DateOnly? From = null, DateOnly? To = null) : IQuery<string>;

internal sealed class UsageHandler(ConversationsDbContext db) : IQueryHandler<ListUsage, UsagePage>, IQueryHandler<ExportUsage, string>
{
    public async ValueTask<UsagePage> Handle(ListUsage query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        var rows = Filter(query.UserId, query.Model, query.From, query.To);
        var total = await rows.CountAsync(cancellationToken);
        var cost = await rows.SumAsync(m => m.CostMicros, cancellationToken);
        var lines = await rows.OrderByDescending(m => m.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new UsagePage(lines.Select(Line).ToList(), page, pageSize, total, cost);
    }

    public async ValueTask<string> Handle(ExportUsage query, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("at_utc,conversation_id,message_id,requested_model,model_used,status,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,usage_source,cost_credits,from_subscription_credits,from_top_up_credits\r\n");
        await foreach (var m in Filter(query.UserId, query.Model, query.From, query.To).OrderBy(m => m.CreatedAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Append(string.Join(',',
                m.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), m.ConversationId, m.Id,
                m.RequestedModel, m.ModelUsed, m.Status.ToString().ToLowerInvariant(),
                m.InputTokens, m.OutputTokens, m.CacheReadTokens, m.CacheWriteTokens, m.UsageSource,
                Credits.FromMicros(m.CostMicros), Credits.FromMicros(m.FromSubscriptionMicros), Credits.FromMicros(m.FromTopUpMicros))).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>Replies that are finished (streaming ones have no receipt yet); model ids are ours, never free text.</summary>
    private IQueryable<Message> Filter(Guid userId, string? model, DateOnly? from, DateOnly? to)
    {
        var rows = db.Messages.AsNoTracking().Where(m => m.UserId == userId && m.Role == MessageRole.Assistant && m.Status != MessageStatus.Streaming);
        if (!string.IsNullOrWhiteSpace(model)) rows = rows.Where(m => m.ModelUsed == model);
        if (from is { } f) { var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); rows = rows.Where(m => m.CreatedAt >= start); }
        if (to is { } t) { var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); rows = rows.Where(m => m.CreatedAt < end); }
        return rows;
    }

    private static UsageLine Line(Message m) => new(m.Id, m.ConversationId, m.CreatedAt, m.RequestedModel, m.ModelUsed, m.Status.ToString().ToLowerInvariant(),
        m.InputTokens, m.OutputTokens, m.CacheReadTokens, m.CacheWriteTokens, m.UsageSource, m.CostMicros, m.FromSubscriptionMicros, m.FromTopUpMicros);
}
