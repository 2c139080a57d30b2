using Caicaini.Identity.Domain;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.DisableTwoFactor;

/// <summary>Turns 2FA off and forgets the authenticator key, so turning it on again means scanning a new code.</summary>
public sealed record DisableTwoFactor(Guid UserId) : ICommand<Result<Unit>>;

internal sealed class DisableTwoFactorHandler(UserManager<User> users, SignInManager<User> signIn) : ICommandHandler<DisableTwoFactor, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(DisableTwoFactor command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null) return IdentityErrors.AccountGone;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Unit.Value;
    }
}
