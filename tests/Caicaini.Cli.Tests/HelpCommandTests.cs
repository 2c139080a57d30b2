using Caicaini.Testing;

namespace Caicaini.Cli.Tests;

public sealed class HelpCommandTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task Help_prints_the_best_answers_with_links()
    {
        var result = await CliRunner.RunAsync(null, "help", "forgot", "password", "--api-url", app.ServerAddress.ToString());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("# I forgot my password.", result.Output);
        Assert.Contains("valid for **1 hour**", result.Output);
        Assert.Contains("/help#forgot-password", result.Output);
    }

    [Fact]
    public async Task Help_says_so_when_nothing_matches()
    {
        var result = await CliRunner.RunAsync(null, "help", "xylophone", "--api-url", app.ServerAddress.ToString());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No answers match \"xylophone\"", result.Output);
    }
}
