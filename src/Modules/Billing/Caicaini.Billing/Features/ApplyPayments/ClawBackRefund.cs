using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Payments.Contracts;
using Caicaini.Shared.Messaging;
using Microsoft.Extensions.Logging;

namespace Caicaini.Billing.Features.ApplyPayments;

/// <summary>
/// A refunded payment takes its credits back out of the top-up bucket as far as they are still there
/// (a <c>refund</c> entry); the bucket never goes below zero and the rest is recorded as the shortfall.
/// </summary>
internal sealed class ClawBackRefund(BillingDbContext db, TimeProvider clock, ILogger<ClawBackRefund> logger)
    : PaymentConsumer<PaymentRefunded>(db, clock, logger)
{
    protected override string Kind => "refund";

    protected override async Task Apply(PaymentRefunded refunded, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (refunded.Credits.Micros < 0)
            throw new InvalidOperationException($"Refund {refunded.PaymentReference} claws back {refunded.Credits.Micros} µcr; amounts cannot be negative.");
        if (await LockIfNewAsync(refunded.UserId, refunded.PaymentReference, cancellationToken) is not { } account) return;

        var clawed = Math.Min(refunded.Credits.Micros, account.TopUpMicros);
        if (clawed > 0)
            Ledger.Post(Db, account, Bucket.TopUp, LedgerKind.Refund, -clawed, refunded.PaymentReference, Clock.GetUtcNow(), "Payment refunded");
        if (clawed < refunded.Credits.Micros)
            Logger.LogWarning("Refund {Reference}: {Shortfall} µcr were already spent and could not be clawed back",
                refunded.PaymentReference, refunded.Credits.Micros - clawed);
        Record(refunded.UserId, refunded.PaymentReference, refunded.Credits.Micros, clawed);
    }
}
