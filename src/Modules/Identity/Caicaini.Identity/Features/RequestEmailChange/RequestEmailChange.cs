using Caicaini.Identity.Domain;
using Caicaini.Shared.Email;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.RequestEmailChange;

/// <summary>Sends a confirmation link to the new address; nothing changes until it is opened.</summary>
public sealed record RequestEmailChange(Guid UserId, string NewEmail, Uri ConfirmPage) : ICommand<Result<Unit>>;

internal sealed class RequestEmailChangeValidator : AbstractValidator<RequestEmailChange>
{
    public RequestEmailChangeValidator() =>
        RuleFor(c => c.NewEmail).NotEmpty().WithMessage("Enter the new email address.")
            .MaximumLength(254).EmailAddress().WithMessage("Enter a valid email address.");
}

internal sealed class RequestEmailChangeHandler(UserManager<User> users, IEmailSender email) : ICommandHandler<RequestEmailChange, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(RequestEmailChange command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null) return IdentityErrors.AccountGone;

        var newEmail = command.NewEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
            return Error.Validation("newEmail", "That is already your email address.");
        if (await users.FindByEmailAsync(newEmail) is not null)
            return Error.Conflict("email-taken", "Another account uses this email address.");

        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = $"{command.ConfirmPage}?user={user.Id}&email={Uri.EscapeDataString(newEmail)}&token={Uri.EscapeDataString(token)}";
        await email.SendAsync(new EmailMessage(newEmail, "Confirm your new Caicaini email address", $"""
            Hello {user.UserName},

            To use this address for your Caicaini account, open this link within one hour:

            {link}

            Until you do, your account keeps its current address. If you did not ask for this, ignore this email.

            — Caicaini
            """), cancellationToken);
        return Unit.Value;
    }
}
