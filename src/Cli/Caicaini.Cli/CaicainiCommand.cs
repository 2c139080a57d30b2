using System.CommandLine;
using Caicaini.Cli.Commands;

namespace Caicaini.Cli;

/// <summary>The `caicaini` command tree. Output goes to the writers given, so tests can read it.</summary>
internal static class CaicainiCommand
{
    public const string DefaultApiUrl = "http://127.0.0.1:5080";
    public const string ApiUrlVariable = "CAICAINI_API_URL";

    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var apiUrl = new Option<Uri>("--api-url")
        {
            Description = $"The Caicaini server (default: ${ApiUrlVariable}, else {DefaultApiUrl}).",
            Recursive = true,
            DefaultValueFactory = _ => DefaultApiUri(),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    return uri;
                result.AddError($"--api-url must be an absolute http(s) URL, not '{text}'.");
                return null;
            },
        };

        var root = new RootCommand("Caicaini Code: chat with Caicaini's AI models from your terminal.");
        root.Options.Add(apiUrl);
        root.Subcommands.Add(StatusCommand.Create(apiUrl, output, error));
        root.Subcommands.Add(HelpCommand.Create(apiUrl, output, error));
        return root;
    }

    private static Uri DefaultApiUri()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ApiUrlVariable);
        return Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var uri) ? uri : new Uri(DefaultApiUrl);
    }
}
