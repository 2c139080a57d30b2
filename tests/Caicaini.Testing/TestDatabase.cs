using Npgsql;

namespace Caicaini.Testing;

/// <summary>
/// A database of its own for one test class: a copy of the migrated template (fast: PostgreSQL copies
/// files), or empty. Dropped when the class is done.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = PostgresServer.ConnectionString(name);
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>A fresh database with every module's migrations applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var template = await DatabaseTemplate.EnsureAsync();
        return await CreateAsync(template);
    }

    /// <summary>A fresh, empty database (for tests that bring their own schema).</summary>
    public static Task<TestDatabase> CreateEmptyAsync() => CreateAsync(template: null);

    private static async Task<TestDatabase> CreateAsync(string? template)
    {
        var database = new TestDatabase("caicaini_t_" + Guid.NewGuid().ToString("N")[..20]);
        var sql = $"CREATE DATABASE {PostgresServer.Quote(database.Name)}" +
                  (template is null ? "" : $" TEMPLATE {PostgresServer.Quote(template)}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PostgresServer.ExecuteAdminAsync(sql);
                return database;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another process was still connected to the template for a moment.
                await Task.Delay(100 * attempt);
            }
        }
    }

    /// <summary>One value from a query, for assertions straight against the tables.</summary>
    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await PostgresServer.ExecuteAdminAsync($"DROP DATABASE IF EXISTS {PostgresServer.Quote(Name)} WITH (FORCE)");
    }
}
