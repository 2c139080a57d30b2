using Caicaini.Shared.Messaging;
using Caicaini.Shared.Money;

namespace Caicaini.Payments.Contracts;

/// <summary>A top-up was paid: Billing adds <paramref name="Credits"/> to the user's top-up bucket, once per payment.</summary>
public sealed record CreditsPurchased(Guid UserId, Credits Credits, string PaymentReference) : IIntegrationEvent;

/// <summary>
/// A plan was paid for <paramref name="Periods"/> months. The same plan extends what is paid; another plan
/// starts a new period at once with its grant (the remaining subscription credits carry into it).
/// </summary>
public sealed record PlanPurchased(Guid UserId, string Plan, int Periods, string PaymentReference) : IIntegrationEvent;

/// <summary>
/// A payment was refunded: Billing claws <paramref name="Credits"/> back from the top-up bucket, never below
/// zero; what could not be clawed back (already spent) is recorded against the payment.
/// </summary>
public sealed record PaymentRefunded(Guid UserId, Credits Credits, string PaymentReference) : IIntegrationEvent;
