using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Domain;

/// <summary>Finds an account by what a person types to sign in: an email address or a username.</summary>
internal sealed class AccountLookup(UserManager<User> users)
{
    private static readonly User Nobody = new() { Id = Guid.Empty, UserName = "nobody" };
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<User>().HashPassword(Nobody, "not a real password"));

    public async Task<User?> FindByLoginAsync(string login)
    {
        var trimmed = login.Trim();
        return trimmed.Contains('@')
            ? await users.FindByEmailAsync(trimmed) ?? await users.FindByNameAsync(trimmed)
            : await users.FindByNameAsync(trimmed);
    }

    /// <summary>Verifies against a dummy hash, so "no such account" is not faster than "wrong password".</summary>
    public void SpendPasswordCheckTime(string password) =>
        users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
}
