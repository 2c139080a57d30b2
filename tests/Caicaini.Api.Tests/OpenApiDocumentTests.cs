using System.Text.Json.Nodes;
using Caicaini.Testing;

namespace Caicaini.Api.Tests;

public sealed class OpenApiDocumentTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task The_committed_document_is_what_the_host_serves()
    {
        var served = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "openapi", "caicaini.json")))!;

        Assert.True(JsonNode.DeepEquals(committed, served),
            "openapi/caicaini.json differs from what the Host serves. Build the Host (it rewrites the file) and commit it.");
    }

    [Fact]
    public async Task Every_operation_is_named_and_tagged_for_the_sdk()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Operation: op.Value!)))
            .ToList();
        Assert.NotEmpty(operations);
        foreach (var (path, operation) in operations)
        {
            Assert.StartsWith("/api/", path);
            var id = operation["operationId"]!.GetValue<string>();
            var tag = operation["tags"]![0]!.GetValue<string>();
            Assert.Matches("^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$", id);
            Assert.StartsWith(tag + "_", id);
        }
    }

    [Fact]
    public async Task The_interactive_api_page_is_served()
    {
        var html = await app.CreateClient().GetStringAsync("/api-docs/index.html");

        Assert.Contains("swagger", html, StringComparison.OrdinalIgnoreCase);
    }
}
