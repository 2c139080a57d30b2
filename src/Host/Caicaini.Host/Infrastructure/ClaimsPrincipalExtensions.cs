using System.Security.Claims;

namespace Caicaini.Host.Infrastructure;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in person's id (cookie or API token); only call behind an authorization requirement.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Nobody is signed in."));
}
