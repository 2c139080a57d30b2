using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.ChangePlan;

/// <summary>
/// An admin puts a user on a plan at no charge ("comp") for <paramref name="Periods"/> months, with a
/// required reason; the same rules as a purchase apply (see <see cref="PlanChange"/>).
/// </summary>
public sealed record ChangePlan(Guid UserId, Guid AdminId, string PlanId, int Periods, string Reason) : ICommand<Result<PlanChanged>>;

public sealed record PlanChanged(string PlanId, DateTimeOffset PeriodEnd, DateTimeOffset? PaidThrough, long SubscriptionMicros);

internal sealed class ChangePlanValidator : AbstractValidator<ChangePlan>
{
    public ChangePlanValidator()
    {
        RuleFor(c => c.PlanId).NotEmpty();
        RuleFor(c => c.Periods).InclusiveBetween(1, 36).WithMessage("Between 1 and 36 months.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why: the reason is kept with the change.").MaximumLength(500);
    }
}

internal sealed class ChangePlanHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<ChangePlan, Result<PlanChanged>>
{
    public async ValueTask<Result<PlanChanged>> Handle(ChangePlan command, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PlanId, cancellationToken);
        if (plan is null)
        {
            var known = await db.Plans.OrderBy(p => p.Position).Select(p => p.Id).ToListAsync(cancellationToken);
            return Error.Unprocessable("unknown-plan", $"There is no plan '{command.PlanId}'. Plans: {string.Join(", ", known)}.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await Rollover.LockCurrentAsync(db, command.UserId, now, cancellationToken);
        if (account is null)
            return Error.NotFound("credit-account-not-found", "This user has no credit account.");

        PlanChange.Apply(db, account, plan, command.Periods, now, $"{plan.Name} plan given by an admin: {command.Reason.Trim()}");
        db.AdminAdjustments.Add(new AdminAdjustment
        {
            UserId = command.UserId,
            AdminId = command.AdminId,
            Action = "plan",
            PlanId = plan.Id,
            Periods = command.Periods,
            Reason = command.Reason.Trim(),
            Reference = $"plan:{Guid.CreateVersion7(now):N}",
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PlanChanged(account.PlanId, account.PeriodEnd, account.PaidThrough, account.SubscriptionMicros);
    }
}
