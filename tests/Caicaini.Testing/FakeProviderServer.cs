using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caicaini.Testing;

/// <summary>One request as the fake provider saw it.</summary>
public sealed record ProviderRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A stand-in for Anthropic or an OpenAI-compatible API on a real loopback port: it answers each request
/// with the next scripted reply (real wire formats: SSE streams, JSON, error statuses, cut-off streams)
/// and records what it was sent, so adapter tests exercise real HTTP through the official SDKs.
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _replies = new();
    private readonly (string Header, string Value) _auth;

    public ConcurrentQueue<ProviderRequest> Requests { get; } = new();
    public Uri BaseUrl { get; }

    private FakeProviderServer(WebApplication app, Uri baseUrl, (string, string) auth)
    {
        _app = app;
        BaseUrl = baseUrl;
        _auth = auth;
    }

    /// <summary>Anthropic's API takes the key in <c>x-api-key</c>; every request is checked.</summary>
    public static Task<FakeProviderServer> StartAnthropicAsync(string apiKey) => StartAsync(("x-api-key", apiKey));

    /// <summary>OpenAI-compatible APIs take <c>Authorization: Bearer</c>; every request is checked.</summary>
    public static Task<FakeProviderServer> StartOpenAiAsync(string apiKey) => StartAsync(("Authorization", "Bearer " + apiKey));

    private static async Task<FakeProviderServer> StartAsync((string Header, string Value) auth)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeProviderServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeProviderServer(app, new Uri(address), auth);
        return server;
    }

    /// <summary>Queues the reply to the next request.</summary>
    public FakeProviderServer Then(Func<HttpContext, Task> reply)
    {
        _replies.Enqueue(reply);
        return this;
    }

    /// <summary>Server-sent events, flushed one by one with an optional pause; <paramref name="cutAfter"/> aborts the connection after that many events.</summary>
    public FakeProviderServer ThenEvents(IReadOnlyList<string> events, int? cutAfter = null, TimeSpan? pause = null) => Then(async context =>
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        for (var i = 0; i < events.Count; i++)
        {
            if (cutAfter == i)
            {
                await context.Response.Body.FlushAsync();
                await Task.Delay(200); // let the client read what was sent, as when a stream dies mid-answer
                context.Abort();
                return;
            }
            await context.Response.WriteAsync(events[i] + "\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (pause is { } delay) await Task.Delay(delay, context.RequestAborted);
        }
    });

    public FakeProviderServer ThenJson(string json, int status = 200) => Then(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    });

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new ProviderRequest(context.Request.Method, context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));

        if (context.Request.Headers[_auth.Header].ToString() != _auth.Value)
        {
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"type":"error","error":{"type":"authentication_error","message":"invalid api key"}}""");
            return;
        }
        if (!_replies.TryDequeue(out var reply))
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("""{"error":{"message":"the fake has no scripted reply left"}}""");
            return;
        }
        await reply(context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
