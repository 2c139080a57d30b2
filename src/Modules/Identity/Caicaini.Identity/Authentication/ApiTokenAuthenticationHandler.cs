using System.Security.Claims;
using System.Text.Encodings.Web;
using Caicaini.Identity.Contracts;
using Caicaini.Identity.Data;
using Caicaini.Identity.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caicaini.Identity.Authentication;

/// <summary>
/// <c>Authorization: Bearer cai_…</c>: hashes the token, finds it, refuses it when revoked or expired or
/// when its owner is locked out, and signs the request in as that owner (with the same claims a cookie
/// sign-in would give).
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IdentityDbContext db,
    UserManager<User> users,
    IUserClaimsPrincipalFactory<User> principals,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string TokenIdClaim = IdentityClaims.ApiTokenId;

    // Recording every use would turn each API call into a write; a minute's precision is plenty.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var token = header["Bearer ".Length..].Trim();
        if (!ApiTokenSecret.LooksValid(token))
            return AuthenticateResult.Fail("The API token is not valid.");

        var hash = ApiTokenSecret.Hash(token);
        var stored = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (stored is null || !stored.IsUsableAt(now))
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");

        var user = await users.FindByIdAsync(stored.UserId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The account behind the API token cannot sign in.");

        if (stored.LastUsedAt is null || now - stored.LastUsedAt > LastUsedPrecision)
            await db.ApiTokens.Where(t => t.Id == stored.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted);

        var principal = await principals.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(TokenIdClaim, stored.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
