using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Caicaini.Testing;

/// <summary>
/// The real Host over a database of its own (copied from the migrated template). Use it as an xunit
/// class fixture; <see cref="ServerAddress"/> puts it on a real loopback port for the browser and
/// the CLI.
/// </summary>
public class CaicainiAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Where this Host's emails land (its pickup folder).</summary>
    public Mailbox Mailbox { get; } = new();

    /// <summary>A client that keeps cookies, submits forms and does not follow redirects (so tests see them).</summary>
    public FormClient CreateFormClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Extra services for one fixture (fakes of the outside world, never of our own database).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Extra configuration for one fixture.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    /// <summary>When true, the Host's provider keys point at local fake Anthropic and Moonshot servers (<see cref="Providers"/>).</summary>
    protected virtual bool WithFakeProviders => false;

    private FakeProviders? _providers;

    public FakeProviders Providers => _providers ?? throw new InvalidOperationException("This fixture has no fake providers (override WithFakeProviders).");

    public virtual async Task InitializeAsync()
    {
        if (WithFakeProviders) _providers = await FakeProviders.StartAsync();
        _database = await TestDatabase.CreateMigratedAsync();
    }

    private readonly Lock _kestrelLock = new();
    private Uri? _serverAddress;

    /// <summary>The Host on a real loopback port (started on first use, once per fixture).</summary>
    public Uri ServerAddress
    {
        get
        {
            lock (_kestrelLock)
            {
                if (_serverAddress is not null) return _serverAddress;
                UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
                return _serverAddress = new Uri(addresses.Addresses.First());
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Found from the checkout, so tools outside tests/ (the benchmarks) can host it too.
        builder.UseContentRoot(Path.Combine(RepositoryRoot.Path, "src", "Host", "Caicaini.Host"));
        builder.UseSetting("ConnectionStrings:Caicaini", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.050");
        builder.UseSetting("Email:PickupDirectory", Mailbox.Directory);
        // Tests sign in many times from one address; the limiter has tests of its own.
        builder.UseSetting("RateLimits:CredentialsPerMinute", "10000");
        foreach (var (key, value) in (_providers?.Settings() ?? []).Concat(Settings()))
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (_providers is not null) await _providers.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
