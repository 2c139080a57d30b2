using Caicaini.Identity.Domain;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.SignOut;

public sealed record SignOut : ICommand;

internal sealed class SignOutHandler(SignInManager<User> signIn) : ICommandHandler<SignOut>
{
    public async ValueTask<Unit> Handle(SignOut command, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync();
        return Unit.Value;
    }
}
