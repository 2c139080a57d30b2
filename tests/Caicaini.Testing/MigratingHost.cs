using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Caicaini.Testing;

public static class MigratingHost
{
    /// <summary>Starts the real Host with migrations on startup (exactly as it migrates in production), then stops it.</summary>
    public static async Task RunAsync(string connectionString)
    {
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Caicaini", connectionString);
            web.UseSetting("Database:MigrateOnStartup", "true");
            web.UseSetting("Outbox:Enabled", "false");
        });
        _ = host.Server; // Starting the host runs the migrations.
    }
}
