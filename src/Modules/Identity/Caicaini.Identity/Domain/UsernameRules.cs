namespace Caicaini.Identity.Domain;

/// <summary>Usernames appear in URLs and in the CLI: short, plain, unambiguous.</summary>
internal static class UsernameRules
{
    public const int MinimumLength = 3;
    public const int MaximumLength = 32;
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";
    public const string Explanation = "Use 3 to 32 letters, digits, '_', '-' or '.', starting with a letter or digit.";
}
