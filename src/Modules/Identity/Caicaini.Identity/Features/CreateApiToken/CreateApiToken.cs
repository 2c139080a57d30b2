using Caicaini.Identity.Data;
using Caicaini.Identity.Domain;
using FluentValidation;
using Mediator;

namespace Caicaini.Identity.Features.CreateApiToken;

/// <summary>A signed-in person creates a token for themselves (account page or API).</summary>
public sealed record CreateApiToken(Guid UserId, string Name, int? ExpiresInDays) : ICommand<NewApiToken>;

internal sealed class CreateApiTokenValidator : AbstractValidator<CreateApiToken>
{
    public CreateApiTokenValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the token after where you use it, e.g. \"laptop CLI\".")
            .MaximumLength(ApiTokenIssuer.MaxNameLength);
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, ApiTokenIssuer.MaxLifetimeDays)
            .WithMessage($"A token lasts 1 to {ApiTokenIssuer.MaxLifetimeDays} days, or leave it empty for no expiry.");
    }
}

internal sealed class CreateApiTokenHandler(IdentityDbContext db, TimeProvider clock) : ICommandHandler<CreateApiToken, NewApiToken>
{
    public async ValueTask<NewApiToken> Handle(CreateApiToken command, CancellationToken cancellationToken)
    {
        var (stored, secret) = ApiTokenIssuer.Issue(db, command.UserId, command.Name, command.ExpiresInDays, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new NewApiToken(stored.Id, stored.Name, secret, stored.Prefix, stored.CreatedAt, stored.ExpiresAt);
    }
}
