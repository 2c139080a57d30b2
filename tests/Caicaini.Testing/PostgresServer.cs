using Npgsql;

namespace Caicaini.Testing;

/// <summary>
/// The PostgreSQL server tests use: <c>CAICAINI_TEST_PG</c> (set by scripts/test to its throwaway
/// cluster), else the development cluster that <c>scripts/pg start</c> runs.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CAICAINI_TEST_PG";
    private const string DevelopmentCluster = "Host=127.0.0.1;Port=55432;Username=postgres";

    public static string ConnectionString(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable) ?? DevelopmentCluster)
        {
            Database = database,
        };
        return builder.ConnectionString;
    }

    /// <summary>Runs one statement on the maintenance database (CREATE/DROP DATABASE and friends).</summary>
    public static async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAdminAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<NpgsqlConnection> OpenAdminAsync(CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"No PostgreSQL for tests at {builder.Host}:{builder.Port}. Run scripts/test, or scripts/pg start " +
                $"(or set {Variable} to a connection string).", exception);
        }
        return connection;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
