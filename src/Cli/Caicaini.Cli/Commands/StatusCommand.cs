using System.CommandLine;
using Caicaini.Sdk;

namespace Caicaini.Cli.Commands;

/// <summary>`caicaini status`: which server am I talking to, and is it healthy?</summary>
internal static class StatusCommand
{
    public static Command Create(Option<Uri> apiUrl, TextWriter output, TextWriter error)
    {
        var command = new Command("status", "Show the server's version and health.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var server = parse.GetValue(apiUrl)!;
            using var client = new CaicainiClient(server);
            try
            {
                var status = await client.System.StatusAsync(cancellationToken);
                await output.WriteLineAsync($"Server:   {server}");
                await output.WriteLineAsync($"Version:  {status.Version}");
                await output.WriteLineAsync($"Status:   {status.Status}");
                await output.WriteLineAsync($"Database: {(status.DatabaseReachable ? "reachable" : "NOT reachable")}");
                return status.Status == "Healthy" ? 0 : 1;
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
