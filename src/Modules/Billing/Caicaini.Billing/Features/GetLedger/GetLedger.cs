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
        var entries = db.Ledger.AsNoTracking().Where(e => e.UserId == query.UserId);
        // Unknown filter values match nothing rather than failing: a filter is a question, not a command.
        if (!string.IsNullOrWhiteSpace(query.Kind))
            entries = Enum.TryParse<LedgerKind>(query.Kind, ignoreCase: true, out var kind) ? entries.Where(e => e.Kind == kind) : entries.Where(e => false);
        if (!string.IsNullOrWhiteSpace(query.Bucket))
            entries = Enum.TryParse<Bucket>(query.Bucket, ignoreCase: true, out var bucket) ? entries.Where(e => e.Bucket == bucket) : entries.Where(e => false);

        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new LedgerPage(
            rows.Select(e => new LedgerLine(e.Id, e.OccurredAt, e.Kind.ToString().ToLowerInvariant(), e.Bucket.ToString().ToLowerInvariant(),
                e.AmountMicros, e.BalanceAfterMicros, e.Reference, e.Note)).ToList(),
            page, pageSize, total);
    }
}
