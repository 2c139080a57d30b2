using Caicaini.Billing.Contracts;
using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Money;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Npgsql;

namespace Caicaini.Billing.Features.ReserveCredits;

internal sealed class ReserveCreditsValidator : AbstractValidator<Contracts.ReserveCredits>
{
    public ReserveCreditsValidator()
    {
        RuleFor(r => r.MaxCost.Micros).GreaterThan(0).OverridePropertyName("maxCost").WithMessage("A hold must be for more than zero credits.");
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(200);
    }
}

/// <summary>
/// Holds the worst case subscription-first in one call to <c>billing.reserve_credits</c> (the hot path of
/// every message, written with other calls by <see cref="CreditWriter"/>). When the account's period has
/// ended, the rollover runs first and the call is repeated.
/// </summary>
internal sealed class ReserveCreditsHandler(BillingDbContext db, CreditWriter credits, TimeProvider clock)
    : ICommandHandler<Contracts.ReserveCredits, Result<Reservation>>
{
    public async ValueTask<Result<Reservation>> Handle(Contracts.ReserveCredits command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            cancellationToken.ThrowIfCancellationRequested();
            CreditWriter.ReserveRow row;
            try
            {
                row = await credits.ReserveAsync(command.UserId, command.MaxCost.Micros, command.Reference, now, Guid.CreateVersion7(now));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another account's reserve took this reference at the same moment.
                return ReferenceTaken;
            }

            switch (row.Outcome)
            {
                case "rollover-due" when attempt == 0:
                    await Rollover.RollOverNowAsync(db, command.UserId, now, cancellationToken);
                    continue;
                case "no-account":
                    return Error.NotFound("credit-account-not-found", "This user has no credit account.");
                case "reference-taken":
                    return ReferenceTaken;
                case "refused":
                    return new Reservation(false, null, Credits.Zero, Credits.Zero, Credits.FromMicros(row.Available));
                case "reserved":
                    return new Reservation(true, row.HoldId, Credits.FromMicros(row.FromSubscription), Credits.FromMicros(row.FromTopUp),
                        Credits.FromMicros(row.Available));
                default:
                    throw new InvalidOperationException($"billing.reserve_credits answered '{row.Outcome}'.");
            }
        }
    }

    private static readonly Error ReferenceTaken = Error.Conflict("hold-reference-taken", "This hold reference belongs to another account.");
}
