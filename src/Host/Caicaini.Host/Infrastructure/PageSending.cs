using Caicaini.Shared.Results;
using Mediator;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Caicaini.Host.Infrastructure;

/// <summary>
/// For forms: sends the request and turns invalid input (from the validation behavior or a failed
/// result) into model-state errors under the form's field names, so the page shows them in place.
/// </summary>
internal static class PageSending
{
    public static async Task<(bool Sent, T? Response)> TrySendAsync<T>(
        this ISender sender, ICommand<T> command, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await sender.Send(command, cancellationToken));
        }
        catch (RequestValidationException invalid)
        {
            modelState.AddErrors(invalid.Errors, prefix);
            return (false, default);
        }
    }

    /// <summary>A failed result's field errors go under their fields; anything else is a message for the whole form.</summary>
    public static void AddError(this ModelStateDictionary modelState, Error error, string prefix)
    {
        if (error.Fields is { Count: > 0 })
            modelState.AddErrors(error.Fields, prefix);
        else
            modelState.AddModelError(string.Empty, error.Message);
    }

    private static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix)
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                modelState.AddModelError(field.Length == 0 ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
    }
}
