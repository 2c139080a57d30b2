using Caicaini.Sdk;

namespace Caicaini.Cli;

/// <summary>One sentence a person can act on, instead of a stack trace.</summary>
internal static class CliErrors
{
    public static string Describe(Uri server, Exception exception) => exception switch
    {
        HttpRequestException => $"Cannot reach the Caicaini server at {server}. Is it running? Set --api-url or ${CaicainiCommand.ApiUrlVariable}.",
        TaskCanceledException => $"The Caicaini server at {server} did not answer in time.",
        CaicainiApiException api => $"The server answered {api.StatusCode}: {ProblemDetail(api)}",
        _ => exception.Message,
    };

    private static string ProblemDetail(CaicainiApiException exception)
    {
        // Error bodies are RFC 9457 ProblemDetails; show their detail when there is one.
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(exception.Response ?? "");
            if (json.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text)
                return text;
            if (json.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 } titleText)
                return titleText;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return "unexpected response.";
    }
}
