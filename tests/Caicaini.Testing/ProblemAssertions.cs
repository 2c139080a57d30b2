using System.Net;
using System.Text.Json;
using Xunit;

namespace Caicaini.Testing;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 answer with the status and stable type; returns its JSON for more checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("https://caicaini.app/problems/" + code, json.GetProperty("type").GetString());
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        return json;
    }
}
