using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.AdjustCredits;

/// <summary>
/// An admin grants (positive) or deducts (negative) credits in one bucket, with a required reason. The
/// money moves as an <c>adjust</c> entry; who did it and why is kept in <c>admin_adjustments</c>. A deduct
/// beyond the bucket's balance is refused whole. <paramref name="Reference"/> makes a retry a no-op.
/// </summary>
public sealed record AdjustCredits(Guid UserId, Guid AdminId, string Bucket, long AmountMicros, string Reason, string? Reference = null)
    : ICommand<Result<AdjustmentResult>>;

public sealed record AdjustmentResult(string Reference, long SubscriptionMicros, long TopUpMicros);

internal sealed class AdjustCreditsValidator : AbstractValidator<AdjustCredits>
{
    public AdjustCreditsValidator()
    {
        RuleFor(a => a.Bucket).Must(b => BucketNames.TryParse(b, out _)).WithMessage("Bucket must be 'subscription' or 'topup'.");
        RuleFor(a => a.AmountMicros).NotEqual(0).WithMessage("The amount cannot be zero: positive grants, negative deducts.")
            .InclusiveBetween(-BillingLimits.MaxAdjustmentMicros, BillingLimits.MaxAdjustmentMicros)
            .WithMessage("At most 1,000,000 credits per adjustment.");
        RuleFor(a => a.Reason).NotEmpty().WithMessage("Say why: the reason is kept with the adjustment.").MaximumLength(500);
        RuleFor(a => a.Reference).MaximumLength(200);
    }
}

internal sealed class AdjustCreditsHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<AdjustCredits, Result<AdjustmentResult>>
{
    public async ValueTask<Result<AdjustmentResult>> Handle(AdjustCredits command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reference = string.IsNullOrWhiteSpace(command.Reference) ? $"adjust:{Guid.CreateVersion7(now):N}" : command.Reference.Trim();
        BucketNames.TryParse(command.Bucket, out var bucket);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await Rollover.LockCurrentAsync(db, command.UserId, now, cancellationToken);
        if (account is null)
            return Error.NotFound("credit-account-not-found", "This user has no credit account.");
        if (await db.AdminAdjustments.AnyAsync(a => a.Reference == reference, cancellationToken))
            return Error.Conflict("adjustment-reference-taken", "An adjustment with this reference was already made.");

        var balance = bucket == Bucket.Subscription ? account.SubscriptionMicros : account.TopUpMicros;
        if (balance + command.AmountMicros < 0)
            return Error.Unprocessable("insufficient-credits",
                $"The {BucketNames.Of(bucket)} bucket holds {balance} µcr; it cannot give {-command.AmountMicros} µcr.");

        Ledger.Post(db, account, bucket, LedgerKind.Adjust, command.AmountMicros, reference, now, command.Reason.Trim());
        db.AdminAdjustments.Add(new AdminAdjustment
        {
            UserId = command.UserId,
            AdminId = command.AdminId,
            Action = command.AmountMicros > 0 ? "grant" : "deduct",
            Bucket = BucketNames.Of(bucket),
            AmountMicros = command.AmountMicros,
            Reason = command.Reason.Trim(),
            Reference = reference,
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AdjustmentResult(reference, account.SubscriptionMicros, account.TopUpMicros);
    }
}
