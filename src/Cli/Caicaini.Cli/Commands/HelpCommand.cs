using System.CommandLine;
using Caicaini.Sdk;

namespace Caicaini.Cli.Commands;

/// <summary>`caicaini help &lt;words&gt;`: search the help centre from the terminal.</summary>
internal static class HelpCommand
{
    public static Command Create(Option<Uri> apiUrl, TextWriter output, TextWriter error)
    {
        var words = new Argument<string[]>("words") { Description = "What to look for, e.g. \"forgot password\".", Arity = ArgumentArity.OneOrMore };
        var command = new Command("help", "Search the help centre.") { words };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var server = parse.GetValue(apiUrl)!;
            var query = string.Join(' ', parse.GetValue(words)!);
            using var client = new CaicainiClient(server);
            try
            {
                var results = await client.Help.SearchFaqAsync(query, cancellationToken);
                if (results.Hits.Count == 0)
                {
                    await output.WriteLineAsync($"No answers match \"{query}\". Browse them all at {new Uri(server, "/help")}.");
                    return 0;
                }
                foreach (var hit in results.Hits.Take(3))
                {
                    await output.WriteLineAsync($"# {hit.Question}");
                    await output.WriteLineAsync(hit.AnswerMarkdown.Trim());
                    await output.WriteLineAsync($"  → {new Uri(server, "/help#" + hit.Slug)}");
                    await output.WriteLineAsync();
                }
                if (results.Hits.Count > 3)
                    await output.WriteLineAsync($"{results.Hits.Count - 3} more: {new Uri(server, "/help?q=" + Uri.EscapeDataString(query))}");
                return 0;
            }
            catch (Exception exception) when (exception is HttpRequestException or CaicainiApiException or TaskCanceledException)
            {
                await error.WriteLineAsync(CliErrors.Describe(server, exception));
                return 1;
            }
        });
        return command;
    }
}
