using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Caicaini.Testing;

/// <summary>
/// Builds, once per build of the code, a database with every module's migrations applied by the
/// Host itself; test classes copy it. Its name carries a hash of our assemblies, so a changed
/// migration gets a new template and a stale one is never reused. Test processes running at the
/// same time (dotnet test runs projects in parallel) coordinate with an advisory lock.
/// </summary>
public static class DatabaseTemplate
{
    private const string Prefix = "caicaini_tpl_";
    private const long TemplateLockKey = 0x43616963_7465_6d70;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _ready;

    public static async Task<string> EnsureAsync()
    {
        if (_ready is not null) return _ready;
        await Gate.WaitAsync();
        try
        {
            if (_ready is not null) return _ready;
            var name = Prefix + BuildHash();
            await using var admin = await PostgresServer.OpenAdminAsync();
            await Execute(admin, $"SELECT pg_advisory_lock({TemplateLockKey})");
            try
            {
                if (!await Exists(admin, name))
                    await BuildAsync(admin, name);
            }
            finally
            {
                await Execute(admin, $"SELECT pg_advisory_unlock({TemplateLockKey})");
            }
            return _ready = name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task BuildAsync(NpgsqlConnection admin, string name)
    {
        // Templates of older builds only take space.
        await using (var stale = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}%' OR datname LIKE 'caicaini_tplbuild_%'", admin))
        await using (var reader = await stale.ExecuteReaderAsync())
        {
            var names = new List<string>();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
            await reader.CloseAsync();
            foreach (var old in names)
                await Execute(admin, $"DROP DATABASE IF EXISTS {PostgresServer.Quote(old)} WITH (FORCE)");
        }

        var building = "caicaini_tplbuild_" + name[Prefix.Length..];
        await Execute(admin, $"CREATE DATABASE {PostgresServer.Quote(building)}");

        await MigratingHost.RunAsync(PostgresServer.ConnectionString(building));

        NpgsqlConnection.ClearAllPools();
        // Renaming last makes the template appear only once it is complete.
        await Execute(admin, $"ALTER DATABASE {PostgresServer.Quote(building)} RENAME TO {PostgresServer.Quote(name)}");
    }

    private static string BuildHash()
    {
        var ours = typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Caicaini.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(typeof(Program).Assembly)
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
            .Select(a => a.ManifestModule.ModuleVersionId.ToString("N"));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", ours)));
        return Convert.ToHexString(hash)[..16].ToLowerInvariant();
    }

    private static async Task<bool> Exists(NpgsqlConnection admin, string name)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
