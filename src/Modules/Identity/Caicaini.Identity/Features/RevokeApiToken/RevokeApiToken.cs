using Caicaini.Identity.Data;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Identity.Features.RevokeApiToken;

/// <summary>Revokes one of the person's own tokens at once. Someone else's token is "not found".</summary>
public sealed record RevokeApiToken(Guid UserId, Guid TokenId) : ICommand<Result<Unit>>;

internal sealed class RevokeApiTokenHandler(IdentityDbContext db, TimeProvider clock) : ICommandHandler<RevokeApiToken, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(RevokeApiToken command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.ApiTokens
            .Where(t => t.Id == command.TokenId && t.UserId == command.UserId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        return revoked == 1 ? Unit.Value : Error.NotFound("token-not-found", "There is no such active token on your account.");
    }
}
