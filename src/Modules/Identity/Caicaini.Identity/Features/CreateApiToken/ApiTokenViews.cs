namespace Caicaini.Identity.Features.CreateApiToken;

/// <summary>A new token: <see cref="Token"/> is the secret, shown this once and never again.</summary>
public sealed record NewApiToken(Guid Id, string Name, string Token, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
