using Caicaini.Identity.Data;
using Caicaini.Identity.Domain;
using Caicaini.Identity.Features.CreateApiToken;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.IssueApiToken;

/// <summary>
/// What <c>caicaini login</c> sends: credentials (and the two-factor code when the account has 2FA)
/// in exchange for a new personal API token. Wrong credentials count toward lockout.
/// </summary>
public sealed record IssueApiToken(string Login, string Password, string? TwoFactorCode, string? Name, int? ExpiresInDays)
    : ICommand<Result<NewApiToken>>;

internal sealed class IssueApiTokenValidator : AbstractValidator<IssueApiToken>
{
    public IssueApiTokenValidator()
    {
        RuleFor(c => c.Login).NotEmpty().WithMessage("Enter your email address or username.").MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(PasswordPolicy.MaximumLength);
        RuleFor(c => c.Name).MaximumLength(ApiTokenIssuer.MaxNameLength);
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, ApiTokenIssuer.MaxLifetimeDays);
        RuleFor(c => c.TwoFactorCode).MaximumLength(20);
    }
}

internal sealed class IssueApiTokenHandler(
    IdentityDbContext db, AccountLookup accounts, UserManager<User> users, SignInManager<User> signIn, TimeProvider clock)
    : ICommandHandler<IssueApiToken, Result<NewApiToken>>
{
    private static readonly Error InvalidCredentials =
        Error.Unauthorized("invalid-credentials", "The email address or username and password do not match.");

    public async ValueTask<Result<NewApiToken>> Handle(IssueApiToken command, CancellationToken cancellationToken)
    {
        var user = await accounts.FindByLoginAsync(command.Login);
        if (user is null)
        {
            accounts.SpendPasswordCheckTime(command.Password);
            return InvalidCredentials;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
            return Error.Unauthorized("locked-out", "Too many failed attempts. Try again in 15 minutes, or reset your password.");
        if (!check.Succeeded)
            return InvalidCredentials;

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(command.TwoFactorCode))
                return Error.Unauthorized("two-factor-required", "This account uses two-factor authentication: send the code from your authenticator app.");
            var code = command.TwoFactorCode.Replace(" ", "").Replace("-", "");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return Error.Unauthorized("invalid-two-factor-code", "The two-factor code is not valid.");
            }
        }

        var (stored, secret) = ApiTokenIssuer.Issue(db, user.Id, command.Name ?? "caicaini CLI", command.ExpiresInDays, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new NewApiToken(stored.Id, stored.Name, secret, stored.Prefix, stored.CreatedAt, stored.ExpiresAt);
    }
}
