using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Caicaini.Shared.Persistence;

/// <summary>
/// Applies every module's migrations, creating the database if needed. A PostgreSQL advisory lock
/// makes it safe when several instances start at once: the second waits, then finds nothing to do.
/// </summary>
public sealed class DatabaseMigrator(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> modules,
    ILogger<DatabaseMigrator> logger)
{
    // Any fixed 64-bit key; it only has to be the same for every instance.
    private const long MigrationLockKey = 0x43616963_6169_6e69;

    public async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await EnsureDatabaseExistsAsync(connectionString, cancellationToken);

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            foreach (var module in modules)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
                // Npgsql's provider finds out whether the history table exists by querying it and logs the failure
                // as an error on a fresh database (npgsql/efcore.pg#3407); creating it first keeps first runs quiet.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0) continue;
                logger.LogInformation("Migrating schema {Schema}: {Migrations}", module.Schema, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it first.
        }
    }
}
