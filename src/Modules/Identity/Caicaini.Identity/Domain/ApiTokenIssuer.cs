using Caicaini.Identity.Data;

namespace Caicaini.Identity.Domain;

/// <summary>A token is shown once, here; what is kept is its hash and a recognisable prefix.</summary>
internal static class ApiTokenIssuer
{
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 365;

    public static (ApiToken Stored, string Secret) Issue(IdentityDbContext db, Guid userId, string name, int? expiresInDays, DateTimeOffset now)
    {
        var secret = ApiTokenSecret.New();
        var stored = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..ApiTokenSecret.PrefixLength],
            Hash = ApiTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.ApiTokens.Add(stored);
        return (stored, secret);
    }
}
