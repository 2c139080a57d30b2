using Caicaini.Identity.Domain;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.ChangeUsername;

public sealed record ChangeUsername(Guid UserId, string NewUsername) : ICommand<Result<Unit>>;

internal sealed class ChangeUsernameValidator : AbstractValidator<ChangeUsername>
{
    public ChangeUsernameValidator() =>
        RuleFor(c => c.NewUsername).NotEmpty().WithMessage("Choose a username.")
            .Length(UsernameRules.MinimumLength, UsernameRules.MaximumLength).WithMessage(UsernameRules.Explanation)
            .Matches(UsernameRules.Pattern).WithMessage(UsernameRules.Explanation);
}

internal sealed class ChangeUsernameHandler(UserManager<User> users, SignInManager<User> signIn) : ICommandHandler<ChangeUsername, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(ChangeUsername command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null) return IdentityErrors.AccountGone;

        var username = command.NewUsername.Trim();
        var holder = await users.FindByNameAsync(username);
        if (holder is not null && holder.Id != user.Id)
            return IdentityErrors.UsernameTaken;

        var changed = await users.SetUserNameAsync(user, username);
        if (!changed.Succeeded) return IdentityErrors.ToError(changed);
        await signIn.RefreshSignInAsync(user); // The cookie carries the name the layout shows.
        return Unit.Value;
    }
}
