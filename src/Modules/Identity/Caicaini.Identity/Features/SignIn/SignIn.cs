using Caicaini.Identity.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.SignIn;

/// <summary>Signs the browser in with an email address or a username and a password.</summary>
public sealed record SignIn(string Login, string Password, bool RememberMe = false) : ICommand<SignInOutcome>;

public enum SignInOutcome
{
    SignedIn,
    /// <summary>The password was right; the two-factor step (its own cookie) comes next.</summary>
    TwoFactorRequired,
    LockedOut,
    /// <summary>Unknown account or wrong password: deliberately one answer for both.</summary>
    Failed,
}

internal sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(s => s.Login).NotEmpty().WithMessage("Enter your email address or username.").MaximumLength(254);
        RuleFor(s => s.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(PasswordPolicy.MaximumLength);
    }
}

internal sealed class SignInHandler(AccountLookup accounts, SignInManager<User> signIn) : ICommandHandler<SignIn, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var user = await accounts.FindByLoginAsync(command.Login);
        if (user is null)
        {
            accounts.SpendPasswordCheckTime(command.Password); // An unknown account takes as long as a known one.
            return SignInOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, command.Password, command.RememberMe, lockoutOnFailure: true);
        return result switch
        {
            { Succeeded: true } => SignInOutcome.SignedIn,
            { RequiresTwoFactor: true } => SignInOutcome.TwoFactorRequired,
            { IsLockedOut: true } => SignInOutcome.LockedOut,
            _ => SignInOutcome.Failed,
        };
    }
}
