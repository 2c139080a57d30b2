using Caicaini.Testing;
using Npgsql;

namespace Caicaini.Api.Tests;

public sealed class MigrationTests
{
    private static readonly string[] Schemas = ["billing", "conversations", "help", "identity", "models", "payments"];

    [Fact]
    public async Task Two_hosts_starting_at_once_on_an_empty_database_both_migrate_safely()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        await Task.WhenAll(
            Task.Run(() => MigratingHost.RunAsync(database.ConnectionString)),
            Task.Run(() => MigratingHost.RunAsync(database.ConnectionString)));

        var schemas = await QueryAsync(database,
            "SELECT table_schema FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory' ORDER BY 1");
        Assert.Equal(Schemas, schemas);
        foreach (var schema in Schemas)
        {
            // Each module recorded its migrations once, in its own history table.
            var ids = await QueryAsync(database, $"SELECT migration_id FROM \"{schema}\".\"__EFMigrationsHistory\"");
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            Assert.NotEmpty(ids);
        }
    }

    [Fact]
    public async Task Every_module_owns_its_outbox_and_inbox_in_its_own_schema()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        foreach (var schema in Schemas)
        {
            var tables = await QueryAsync(database,
                $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}' ORDER BY 1");
            Assert.Contains("outbox_messages", tables);
            Assert.Contains("inbox_messages", tables);
        }
        var publicTables = await QueryAsync(database,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Empty(publicTables);
    }

    private static async Task<List<string>> QueryAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
