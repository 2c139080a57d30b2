using Caicaini.Identity.Contracts;
using Caicaini.Identity.Data;
using Caicaini.Identity.Domain;
using Caicaini.Shared.Persistence;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.RegisterUser;

/// <summary>Creates an account; with <see cref="SignIn"/> the browser is signed in straight away.</summary>
public sealed record RegisterUser(string Email, string Username, string Password, bool SignIn = false)
    : ICommand<Result<RegisteredUser>>;

public sealed record RegisteredUser(Guid Id, string Username, string Email);

internal sealed class RegisterUserValidator : AbstractValidator<RegisterUser>
{
    public RegisterUserValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(254).EmailAddress().WithMessage("Enter a valid email address.");
        RuleFor(r => r.Username).NotEmpty().WithMessage("Choose a username.")
            .Length(UsernameRules.MinimumLength, UsernameRules.MaximumLength).WithMessage(UsernameRules.Explanation)
            .Matches(UsernameRules.Pattern).WithMessage(UsernameRules.Explanation);
        RuleFor(r => r.Password).Custom((password, context) =>
        {
            var problem = PasswordPolicy.Problem(password, context.InstanceToValidate.Username, context.InstanceToValidate.Email);
            if (problem is not null) context.AddFailure(nameof(RegisterUser.Password), problem);
        });
    }
}

internal sealed class RegisterUserHandler(
    IdentityDbContext db, UserManager<User> users, SignInManager<User> signIn, TimeProvider clock)
    : ICommandHandler<RegisterUser, Result<RegisteredUser>>
{
    public async ValueTask<Result<RegisteredUser>> Handle(RegisterUser command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim();
        var username = command.Username.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return IdentityErrors.EmailTaken;
        if (await users.FindByNameAsync(username) is not null)
            return IdentityErrors.UsernameTaken;

        var now = clock.GetUtcNow();
        var user = new User { Id = Guid.CreateVersion7(now), UserName = username, Email = email, CreatedAt = now };

        // The account and its UserRegistered event commit together, or neither does.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
            return IdentityErrors.ToError(created);
        db.Publish(new UserRegistered(user.Id, email, username), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (command.SignIn)
            await signIn.SignInAsync(user, isPersistent: false);
        return new RegisteredUser(user.Id, username, email);
    }
}
