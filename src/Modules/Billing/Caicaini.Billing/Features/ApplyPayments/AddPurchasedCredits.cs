using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Payments.Contracts;
using Caicaini.Shared.Messaging;
using Microsoft.Extensions.Logging;

namespace Caicaini.Billing.Features.ApplyPayments;

/// <summary>A paid top-up lands in the top-up bucket (a <c>topup</c> entry referenced by the payment).</summary>
internal sealed class AddPurchasedCredits(BillingDbContext db, TimeProvider clock, ILogger<AddPurchasedCredits> logger)
    : PaymentConsumer<CreditsPurchased>(db, clock, logger)
{
    protected override string Kind => "topup";

    protected override async Task Apply(CreditsPurchased purchased, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (purchased.Credits.Micros <= 0)
            throw new InvalidOperationException($"Top-up {purchased.PaymentReference} is for {purchased.Credits.Micros} µcr; only positive amounts can be added.");
        if (await LockIfNewAsync(purchased.UserId, purchased.PaymentReference, cancellationToken) is not { } account) return;

        Ledger.Post(Db, account, Bucket.TopUp, LedgerKind.TopUp, purchased.Credits.Micros, purchased.PaymentReference, Clock.GetUtcNow(), "Top-up purchased");
        Record(purchased.UserId, purchased.PaymentReference, purchased.Credits.Micros, purchased.Credits.Micros);
    }
}
