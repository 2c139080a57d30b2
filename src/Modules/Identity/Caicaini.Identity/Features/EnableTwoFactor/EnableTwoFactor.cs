using Caicaini.Identity.Domain;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.EnableTwoFactor;

/// <summary>Turns 2FA on once a code proves the app is set up; returns recovery codes, shown this once.</summary>
public sealed record EnableTwoFactor(Guid UserId, string Code) : ICommand<Result<IReadOnlyList<string>>>;

internal sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactor>
{
    public EnableTwoFactorValidator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the 6-digit code from your app.").MaximumLength(20);
}

internal sealed class EnableTwoFactorHandler(UserManager<User> users) : ICommandHandler<EnableTwoFactor, Result<IReadOnlyList<string>>>
{
    public const int RecoveryCodeCount = 10;

    public async ValueTask<Result<IReadOnlyList<string>>> Handle(EnableTwoFactor command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null) return IdentityErrors.AccountGone;

        var code = command.Code.Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            return Error.Validation("code", "That code is not valid. Check that your phone's clock is right and enter the current code.");

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return recoveryCodes!.ToList();
    }
}
