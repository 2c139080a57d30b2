using System.Net;
using System.Net.Sockets;
using Caicaini.Testing;

namespace Caicaini.Cli.Tests;

public sealed class StatusCommandTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    private Uri Server => app.ServerAddress;

    [Fact]
    public async Task Status_reports_a_healthy_server_through_the_sdk()
    {
        var result = await CliRunner.RunAsync(null, "status", "--api-url", Server.ToString());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Status:   Healthy", result.Output);
        Assert.Contains("Database: reachable", result.Output);
        Assert.Matches(@"Version:  \d+\.\d+\.\d+", result.Output);
    }

    [Fact]
    public async Task Status_reads_the_server_from_CAICAINI_API_URL()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string> { ["CAICAINI_API_URL"] = Server.ToString() }, "status");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"Server:   {Server}", result.Output);
    }

    [Fact]
    public async Task Status_explains_an_unreachable_server_in_one_line()
    {
        var nobody = $"http://127.0.0.1:{FreePort()}";

        var result = await CliRunner.RunAsync(null, "status", "--api-url", nobody);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot reach the Caicaini server", result.Error);
        Assert.DoesNotContain("   at ", result.Error); // No stack trace.
    }

    [Fact]
    public async Task A_bad_api_url_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(null, "status", "--api-url", "not a url");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--api-url must be an absolute http(s) URL", result.Error);
    }

    [Fact]
    public async Task Version_prints_the_tool_version()
    {
        var result = await CliRunner.RunAsync(null, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
