using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Domain;

internal sealed class User : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class Role : IdentityRole<Guid>;

/// <summary>
/// A personal API token. Only its SHA-256 is stored; <see cref="Prefix"/> (the first characters,
/// shown in lists) helps a person recognise it without being enough to use it.
/// </summary>
internal sealed class ApiToken
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public required string Name { get; init; }
    public required string Prefix { get; init; }
    public required byte[] Hash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
