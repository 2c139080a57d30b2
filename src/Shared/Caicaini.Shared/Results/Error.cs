namespace Caicaini.Shared.Results;

/// <summary>What kind of failure an <see cref="Error"/> is; the Host maps each to one HTTP status.</summary>
public enum ErrorKind
{
    BadRequest = 400,
    Unauthorized = 401,
    PaymentRequired = 402,
    Forbidden = 403,
    NotFound = 404,
    Conflict = 409,
    Validation = 422,
    TooManyRequests = 429,
}

/// <summary>
/// An expected failure of a use case. <see cref="Code"/> is stable (it becomes the ProblemDetails
/// <c>type</c>), <see cref="Message"/> is for people, <see cref="Fields"/> holds per-field errors and
/// <see cref="Extensions"/> anything a client needs to act (for example the balance on a 402).
/// </summary>
public sealed record Error(
    string Code,
    string Message,
    ErrorKind Kind,
    IReadOnlyDictionary<string, string[]>? Fields = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
    public static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);
    public static Error BadRequest(string code, string message) => new(code, message, ErrorKind.BadRequest);

    /// <summary>Well-formed but not acceptable (422), with a code of its own rather than field errors.</summary>
    public static Error Unprocessable(string code, string message) => new(code, message, ErrorKind.Validation);

    public static Error Validation(string field, string message) =>
        new("validation", "One or more fields are invalid.", ErrorKind.Validation,
            new Dictionary<string, string[]> { [field] = [message] });
}
