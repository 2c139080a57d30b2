using Caicaini.Identity.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.SignInWithTwoFactor;

/// <summary>The second step of signing in: a code from the authenticator app, or one recovery code.</summary>
public sealed record SignInWithTwoFactor(string Code, bool IsRecoveryCode, bool RememberMe) : ICommand<TwoFactorOutcome>;

public enum TwoFactorOutcome
{
    SignedIn,
    LockedOut,
    Failed,
    /// <summary>The password step is missing or expired: start signing in again.</summary>
    NoPendingSignIn,
}

internal sealed class SignInWithTwoFactorValidator : AbstractValidator<SignInWithTwoFactor>
{
    public SignInWithTwoFactorValidator() =>
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the code.").MaximumLength(40);
}

internal sealed class SignInWithTwoFactorHandler(SignInManager<User> signIn) : ICommandHandler<SignInWithTwoFactor, TwoFactorOutcome>
{
    public async ValueTask<TwoFactorOutcome> Handle(SignInWithTwoFactor command, CancellationToken cancellationToken)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return TwoFactorOutcome.NoPendingSignIn;

        // Recovery codes are stored as shown ("abcde-fghij"); app codes may be typed "123 456".
        var code = command.Code.Replace(" ", "");
        var result = command.IsRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", ""), command.RememberMe, rememberClient: false);
        return result switch
        {
            { Succeeded: true } => TwoFactorOutcome.SignedIn,
            { IsLockedOut: true } => TwoFactorOutcome.LockedOut,
            _ => TwoFactorOutcome.Failed,
        };
    }
}
