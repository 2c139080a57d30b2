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
