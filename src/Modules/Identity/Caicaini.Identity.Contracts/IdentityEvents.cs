using Caicaini.Shared.Messaging;

namespace Caicaini.Identity.Contracts;

/// <summary>A new account exists. Billing opens its credit account on this.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string Username) : IIntegrationEvent;

/// <summary>The roles people can hold besides an ordinary user.</summary>
public static class IdentityRoles
{
    public const string Admin = "Admin";
    public const string Operator = "Operator";
}

/// <summary>Authentication names the Host's authorization policies refer to.</summary>
public static class IdentitySchemes
{
    /// <summary>Cookie for pages, bearer API token for the CLI and SDK; the scheme picks by the request.</summary>
    public const string CookieOrToken = "CaicainiCookieOrToken";
    public const string ApiToken = "CaicainiApiToken";
}

/// <summary>Claims the Host's authorization policies read.</summary>
public static class IdentityClaims
{
    /// <summary>Present only when the request was authenticated by a personal API token (its id).</summary>
    public const string ApiTokenId = "caicaini:token_id";
}
