using Caicaini.Identity.Domain;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Features.GetMe;

public sealed record GetMe(Guid UserId) : IQuery<Result<Me>>;

public sealed record Me(Guid Id, string Username, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

internal sealed class GetMeHandler(UserManager<User> users) : IQueryHandler<GetMe, Result<Me>>
{
    public async ValueTask<Result<Me>> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(query.UserId.ToString());
        if (user is null)
            return IdentityErrors.AccountGone;
        var roles = await users.GetRolesAsync(user);
        return new Me(user.Id, user.UserName!, user.Email!, roles.Order().ToList(), user.TwoFactorEnabled, user.CreatedAt);
    }
}
