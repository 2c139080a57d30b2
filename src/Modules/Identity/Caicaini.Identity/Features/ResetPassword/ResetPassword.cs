using Caicaini.Identity.Domain;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.ResetPassword;

/// <summary>Sets a new password from an emailed link. A used, expired or altered link changes nothing.</summary>
public sealed record ResetPassword(Guid UserId, string Token, string NewPassword) : ICommand<Result<Unit>>;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(r => r.Token).NotEmpty().MaximumLength(2000);
        RuleFor(r => r.NewPassword).Custom((password, context) =>
        {
            if (PasswordPolicy.Problem(password, null, null) is { } problem)
                context.AddFailure(nameof(ResetPassword.NewPassword), problem);
        });
    }
}

internal sealed class ResetPasswordHandler(UserManager<User> users) : ICommandHandler<ResetPassword, Result<Unit>>
{
    public static readonly Error LinkInvalid = Error.BadRequest("reset-link-invalid",
        "This reset link has expired or was already used. Ask for a new one: links work once, for one hour.");

    public async ValueTask<Result<Unit>> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
            return LinkInvalid;

        var reset = await users.ResetPasswordAsync(user, command.Token, command.NewPassword);
        if (!reset.Succeeded)
            return reset.Errors.Any(e => e.Code == "InvalidToken") ? LinkInvalid : IdentityErrors.ToError(reset);

        // Whoever can read the mailbox owns the account: let them in even after a lockout.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Unit.Value;
    }
}
