using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Caicaini.Billing.Features.ApplyPayments;

/// <summary>
/// Shared shape of the three payment consumers: the inbox de-duplicates by event id, and the payment
/// reference de-duplicates by payment (Payments may publish a fact twice under two event ids). The
/// account is locked and brought to its current period before anything moves.
/// </summary>
internal abstract class PaymentConsumer<TEvent>(BillingDbContext db, TimeProvider clock, ILogger logger)
    : InboxConsumer<TEvent, BillingDbContext>(db, clock)
    where TEvent : IIntegrationEvent
{
    protected TimeProvider Clock { get; } = clock;
    protected ILogger Logger { get; } = logger;

    protected abstract string Kind { get; }

    protected async Task<CreditAccount?> LockIfNewAsync(Guid userId, string paymentReference, CancellationToken cancellationToken)
    {
        if (await Db.PaymentApplications.AnyAsync(p => p.Kind == Kind && p.PaymentReference == paymentReference, cancellationToken))
        {
            Logger.LogInformation("{Kind} {Reference} was already applied", Kind, paymentReference);
            return null;
        }
        // The account is opened from UserRegistered; a payment cannot precede it, so its absence is a fault
        // worth retrying (and seeing in the outbox's last error), not something to drop.
        return await Rollover.LockCurrentAsync(Db, userId, Clock.GetUtcNow(), cancellationToken)
               ?? throw new InvalidOperationException($"No credit account for user {userId}; {Kind} {paymentReference} will be retried.");
    }

    protected void Record(Guid userId, string paymentReference, long requested, long applied, string? planId = null, int periods = 0) =>
        Db.PaymentApplications.Add(new PaymentApplication
        {
            Kind = Kind,
            PaymentReference = paymentReference,
            UserId = userId,
            RequestedMicros = requested,
            AppliedMicros = applied,
            ShortfallMicros = requested - applied,
            PlanId = planId,
            Periods = periods,
            AppliedAt = Clock.GetUtcNow(),
        });
}
