using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Domain;

/// <summary>
/// Length over composition (NIST SP 800-63B): 10 to 128 characters, any characters, but not one of the
/// passwords people pick most, not one character repeated, and not the account's own name or email.
/// </summary>
internal sealed class PasswordPolicy : IPasswordValidator<User>
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 128;

    private static readonly HashSet<string> CommonPasswords = LoadCommonPasswords();

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(Problem(password, user.UserName, user.Email) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordRejected", Description = problem })
            : IdentityResult.Success);

    /// <summary>Why a password is refused, in words for the person choosing it; null when it is fine.</summary>
    public static string? Problem(string? password, string? username, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
            return $"Use at least {MinimumLength} characters. A few unrelated words make a strong, memorable password.";
        if (password.Length > MaximumLength)
            return $"Use at most {MaximumLength} characters.";
        if (password.Distinct().Count() == 1)
            return "Don't repeat one character: that password is guessed first.";
        var lowered = password.ToLowerInvariant();
        if (CommonPasswords.Contains(lowered))
            return "That password is one of the most common ones and is guessed in seconds. Choose another.";
        if (lowered == username?.ToLowerInvariant() || lowered == email?.ToLowerInvariant()
            || (email is not null && lowered == email.Split('@')[0].ToLowerInvariant()))
            return "Don't use your username or email address as your password.";
        return null;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt")
                           ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#'))
                passwords.Add(line.Trim().ToLowerInvariant());
        return passwords;
    }
}
