using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Caicaini.Api.Tests;

public sealed class HostBasicsTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Status_reports_version_and_database()
    {
        var json = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/status");

        Assert.Equal("caicaini", json.GetProperty("service").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", json.GetProperty("version").GetString());
        Assert.True(json.GetProperty("databaseReachable").GetBoolean());
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/help/nope/deeper")]
    public async Task Unknown_api_routes_answer_404_problem_details(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains(path, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_pages_answer_the_html_not_found_page()
    {
        var response = await app.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("class=\"site-header\"", html);
    }

    [Fact]
    public async Task Wrong_method_on_an_api_route_is_405_problem_details()
    {
        var response = await app.CreateClient().DeleteAsync("/api/status");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_without_internals()
    {
        using var failing = app.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddSingleton<HealthCheckService, ExplodingHealthCheckService>()));

        var response = await failing.CreateClient().GetAsync("/api/status");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal");
        var body = problem.GetRawText();
        Assert.DoesNotContain(ExplodingHealthCheckService.Secret, body);
        Assert.DoesNotContain("ExplodingHealthCheckService", body);
        Assert.DoesNotContain(" at ", body); // No stack frames.
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    private sealed class ExplodingHealthCheckService : HealthCheckService
    {
        public const string Secret = "connection-password=hunter2";

        public override Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Internal detail that must not leak: " + Secret);
    }
}
