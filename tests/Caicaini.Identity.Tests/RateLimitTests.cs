using System.Net;
using Caicaini.Testing;

namespace Caicaini.Identity.Tests;

public sealed class StrictRateLimitFactory : CaicainiAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("RateLimits:CredentialsPerMinute", "3")];
}

public sealed class RateLimitTests(StrictRateLimitFactory app) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task Too_many_credential_attempts_from_one_address_are_429_with_retry_after()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            await Accounts.IssueTokenAsync(client, "someone", "some password here");

        var response = await Accounts.IssueTokenAsync(client, "someone", "some password here");

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
    }
}
