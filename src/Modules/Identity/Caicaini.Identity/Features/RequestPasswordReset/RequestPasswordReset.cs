using Caicaini.Identity.Domain;
using Caicaini.Shared.Email;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.RequestPasswordReset;

/// <summary>
/// Emails a single-use reset link valid for one hour. The caller says where the reset page lives;
/// the answer is the same whether or not the account exists.
/// </summary>
public sealed record RequestPasswordReset(string Email, Uri ResetPage) : ICommand;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(254).EmailAddress().WithMessage("Enter a valid email address.");
    }
}

internal sealed class RequestPasswordResetHandler(UserManager<User> users, IEmailSender email, TimeProvider clock)
    : ICommandHandler<RequestPasswordReset>
{
    /// <summary>One reset email per account per interval, however many addresses ask: nobody can flood a mailbox.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    private const string TokenProvider = "Caicaini";
    private const string LastSentToken = "PasswordResetEmailSentAt";

    public async ValueTask<Unit> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email.Trim());
        if (user is null)
            return Unit.Value; // Nothing to send, and nothing to tell.

        var now = clock.GetUtcNow();
        var lastSent = await users.GetAuthenticationTokenAsync(user, TokenProvider, LastSentToken);
        if (DateTimeOffset.TryParse(lastSent, out var sentAt) && now - sentAt < MinimumInterval)
            return Unit.Value; // The link sent moments ago still works; the answer looks the same.
        await users.SetAuthenticationTokenAsync(user, TokenProvider, LastSentToken, now.ToString("O"));

        // The token dies when the password changes (the security stamp moves on) or after an hour.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{command.ResetPage}?user={user.Id}&token={Uri.EscapeDataString(token)}";
        await email.SendAsync(new EmailMessage(user.Email!, "Reset your Caicaini password", $"""
            Hello {user.UserName},

            Someone (hopefully you) asked to reset the password of your Caicaini account.
            To choose a new password, open this link within one hour:

            {link}

            The link works once. If you did not ask for it, ignore this email: your password stays as it is.

            — Caicaini
            """), cancellationToken);
        return Unit.Value;
    }
}
