using Caicaini.Identity.Domain;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.ChangePassword;

/// <summary>
/// Changes the password and signs out every other browser session (the security stamp changes, and
/// their cookies stop validating); this session gets a fresh cookie.
/// </summary>
public sealed record ChangePassword(Guid UserId, string CurrentPassword, string NewPassword) : ICommand<Result<Unit>>;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.").MaximumLength(PasswordPolicy.MaximumLength);
        RuleFor(c => c.NewPassword).Custom((password, context) =>
        {
            if (PasswordPolicy.Problem(password, null, null) is { } problem)
                context.AddFailure(nameof(ChangePassword.NewPassword), problem);
        });
    }
}

internal sealed class ChangePasswordHandler(UserManager<User> users, SignInManager<User> signIn) : ICommandHandler<ChangePassword, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null) return IdentityErrors.AccountGone;

        var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!changed.Succeeded)
            return changed.Errors.Any(e => e.Code == "PasswordMismatch")
                ? Error.Validation("currentPassword", "Your current password is not right.")
                : IdentityErrors.ToError(changed);

        await signIn.RefreshSignInAsync(user);
        return Unit.Value;
    }
}
