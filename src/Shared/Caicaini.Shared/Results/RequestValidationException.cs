namespace Caicaini.Shared.Results;

/// <summary>
/// Thrown by the validation behavior before a handler runs. The Host turns it into a 422
/// ProblemDetails with the field errors, so no handler ever sees invalid input.
/// </summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
