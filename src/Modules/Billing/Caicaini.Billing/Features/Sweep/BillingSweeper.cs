using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Billing.Features.ReleaseHold;
using Caicaini.Shared.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caicaini.Billing.Features.Sweep;

/// <summary>
/// Ends the billing periods nobody has touched (reads and charges roll their own account over lazily)
/// and releases holds whose reply stopped renewing them without settling (the process died mid-answer).
/// Each account is handled under its row lock in its own transaction, so instances sweeping at once just
/// take turns and the second finds nothing left to do.
/// </summary>
internal sealed class BillingSweeper(
    IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<BillingSweeper> logger)
    : PeriodicJob(clock, logger)
{
    private const int BatchSize = 200;
    private readonly BillingOptions _options = options.Value;

    protected override TimeSpan Interval => _options.SweepInterval;
    protected override bool Enabled => _options.SweepEnabled;

    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await RollOverEndedPeriodsAsync(cancellationToken) + await ReleaseAbandonedHoldsAsync(cancellationToken);

    private async Task<int> RollOverEndedPeriodsAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            var now = Clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
            var due = await db.Accounts.Where(a => a.PeriodEnd <= now).OrderBy(a => a.PeriodEnd)
                .Select(a => a.UserId).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var userId in due)
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await Rollover.LockCurrentAsync(db, userId, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            handled += due.Count;
            if (due.Count < BatchSize) return handled;
        }
    }

    private async Task<int> ReleaseAbandonedHoldsAsync(CancellationToken cancellationToken)
    {
        var cutoff = Clock.GetUtcNow() - _options.HoldTimeout;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        var abandoned = await db.Holds.Where(h => h.Status == HoldStatus.Open && (h.RenewedAt ?? h.CreatedAt) < cutoff)
            .OrderBy(h => h.CreatedAt).Select(h => h.Id).Take(1_000).ToListAsync(cancellationToken);
        foreach (var holdId in abandoned)
        {
            db.ChangeTracker.Clear();
            // Settled, released or renewed meanwhile (by its reply or another instance): the answer says so, nothing moves.
            var released = await HoldRelease.ReleaseAsync(db, holdId, Clock.GetUtcNow(), idleBefore: cutoff, cancellationToken);
            if (!released.IsSuccess)
                logger.LogDebug("Hold {HoldId} left alone by the sweeper: {Error}", holdId, released.Error!.Code);
        }
        return abandoned.Count;
    }
}
