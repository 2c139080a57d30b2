using Caicaini.Shared.Results;
using Microsoft.AspNetCore.Identity;

namespace Caicaini.Identity.Domain;

/// <summary>Turns ASP.NET Identity's error codes into our errors: duplicates are 409s, the rest field errors.</summary>
internal static class IdentityErrors
{
    public static readonly Error EmailTaken =
        Error.Conflict("email-taken", "An account with this email address already exists. Sign in, or reset your password.");

    public static readonly Error UsernameTaken = Error.Conflict("username-taken", "This username is taken. Choose another.");

    public static readonly Error AccountGone = Error.NotFound("account-not-found", "This account no longer exists.");

    public static Error ToError(IdentityResult result)
    {
        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains("DuplicateEmail"))
            return EmailTaken;
        if (codes.Contains("DuplicateUserName"))
            return UsernameTaken;

        var fields = result.Errors
            .GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return new Error("validation", "One or more fields are invalid.", ErrorKind.Validation, fields);
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) ? "email"
        : code.Contains("UserName", StringComparison.Ordinal) ? "username"
        : "";
}
