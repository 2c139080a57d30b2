using Caicaini.Identity.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Identity.Features.ListUsers;

/// <summary>The back office's user list: newest first, searchable by email or username.</summary>
public sealed record ListUsers(string? Search, int Page = 1, int PageSize = 50) : IQuery<UserPage>;

public sealed record UserPage(IReadOnlyList<UserSummary> Users, int Page, int PageSize, int Total);

public sealed record UserSummary(Guid Id, string Username, string Email, DateTimeOffset CreatedAt, IReadOnlyList<string> Roles, bool LockedOut, bool TwoFactorEnabled);

internal sealed class ListUsersHandler(IdentityDbContext db, TimeProvider clock) : IQueryHandler<ListUsers, UserPage>
{
    public async ValueTask<UserPage> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(query.Page, 1);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Identity keeps upper-cased copies for lookups; a contains-search on them is case-insensitive.
            var term = query.Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || u.NormalizedUserName!.Contains(term));
        }

        var now = clock.GetUtcNow();
        var total = await users.CountAsync(cancellationToken);
        var rows = await users
            .OrderByDescending(u => u.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.UserName, u.Email, u.CreatedAt, u.LockoutEnd, u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);

        return new UserPage(
            rows.Select(r => new UserSummary(r.Id, r.UserName!, r.Email!, r.CreatedAt, r.Roles.Order().ToList(), r.LockoutEnd > now, r.TwoFactorEnabled)).ToList(),
            page, pageSize, total);
    }
}
