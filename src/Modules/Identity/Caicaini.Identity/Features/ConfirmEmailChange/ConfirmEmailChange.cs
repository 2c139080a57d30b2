using Caicaini.Identity.Domain;
using Caicaini.Shared.Email;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.ConfirmEmailChange;

/// <summary>Applies an email change from the link sent to the new address, and tells the old address.</summary>
public sealed record ConfirmEmailChange(Guid UserId, string NewEmail, string Token) : ICommand<Result<Unit>>;

internal sealed class ConfirmEmailChangeHandler(UserManager<User> users, IEmailSender email) : ICommandHandler<ConfirmEmailChange, Result<Unit>>
{
    private static readonly Error LinkInvalid = Error.BadRequest("confirmation-link-invalid",
        "This confirmation link has expired or was already used. Ask for the change again from your account page.");

    public async ValueTask<Result<Unit>> Handle(ConfirmEmailChange command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null || string.IsNullOrEmpty(command.Token) || string.IsNullOrEmpty(command.NewEmail))
            return LinkInvalid;

        var oldEmail = user.Email!;
        var changed = await users.ChangeEmailAsync(user, command.NewEmail, command.Token);
        if (!changed.Succeeded)
            return changed.Errors.Any(e => e.Code == "InvalidToken") ? LinkInvalid : IdentityErrors.ToError(changed);

        await email.SendAsync(new EmailMessage(oldEmail, "Your Caicaini email address was changed", $"""
            Hello {user.UserName},

            The email address of your Caicaini account was changed from {oldEmail} to {command.NewEmail}.

            If you did not do this, reply to this email or contact support at once.

            — Caicaini
            """), cancellationToken);
        return Unit.Value;
    }
}
