using Caicaini.Identity.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Identity.Features.ListApiTokens;

public sealed record ListApiTokens(Guid UserId) : IQuery<IReadOnlyList<ApiTokenSummary>>;

/// <summary>What a person sees of a token after creating it: never the secret.</summary>
public sealed record ApiTokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);

internal sealed class ListApiTokensHandler(IdentityDbContext db, TimeProvider clock) : IQueryHandler<ListApiTokens, IReadOnlyList<ApiTokenSummary>>
{
    public async ValueTask<IReadOnlyList<ApiTokenSummary>> Handle(ListApiTokens query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == query.UserId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
    }
}
