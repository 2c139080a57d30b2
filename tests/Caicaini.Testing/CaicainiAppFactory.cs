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
/// class fixture; <see cref="StartKestrelAsync"/> puts it on a real loopback port for the browser and
/// the CLI.
/// </summary>
public class CaicainiAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Extra services for one fixture (fakes of the outside world, never of our own database).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Extra configuration for one fixture.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    public virtual async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    /// <summary>Starts the Host on a real loopback port and returns its address.</summary>
    public Uri StartKestrelAsync()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Caicaini", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.050");
        foreach (var (key, value) in Settings())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
