using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.GetLedger;

/// <summary>A user's ledger, newest first, optionally one kind ("charge", "grant"…) or one bucket ("subscription", "topup").</summary>
public sealed record GetLedger(Guid UserId, string? Kind = null, string? Bucket = null, int Page = 1, int PageSize = 50) : IQuery<LedgerPage>;

public sealed record LedgerPage(IReadOnlyList<LedgerLine> Entries, int Page, int PageSize, int Total);

/// <summary>One movement: signed amount and balance after, in micro-credits.</summary>
public sealed record LedgerLine(long Id, DateTimeOffset OccurredAt, string Kind, string Bucket, long AmountMicros, long BalanceAfterMicros, string Reference, string? Note);

internal sealed class GetLedgerHandler(BillingDbContext db) : IQueryHandler<GetLedger, LedgerPage>
{
    public async ValueTask<LedgerPage> Handle(GetLedger query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(query.Page, 1);
        var entries = LedgerFilter.Apply(db.Ledger.AsNoTracking().Where(e => e.UserId == query.UserId), query.Kind, query.Bucket);

        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new LedgerPage(
            rows.Select(e => new LedgerLine(e.Id, e.OccurredAt, e.Kind.ToString().ToLowerInvariant(), BucketNames.Of(e.Bucket),
                e.AmountMicros, e.BalanceAfterMicros, e.Reference, e.Note)).ToList(),
            page, pageSize, total);
    }
}

internal static class LedgerFilter
{
    /// <summary>Unknown filter values match nothing rather than failing: a filter is a question, not a command.</summary>
    public static IQueryable<LedgerEntry> Apply(IQueryable<LedgerEntry> entries, string? kind, string? bucket)
    {
        if (!string.IsNullOrWhiteSpace(kind))
            entries = Enum.TryParse<LedgerKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? entries.Where(e => e.Kind == k) : entries.Where(e => false);
        if (!string.IsNullOrWhiteSpace(bucket))
            entries = BucketNames.TryParse(bucket, out var b) ? entries.Where(e => e.Bucket == b) : entries.Where(e => false);
        return entries;
    }
}
