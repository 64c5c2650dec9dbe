using System.Data.Common;
using Chancery.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chancery.Tests.Evidence;

/// <summary>The database as someone with its owner's rights reaches it, outside the app: to tamper with
/// the audit trail (dropping the append-only trigger first, as such a person could) or to count rows.</summary>
public static class EvidenceDatabase
{
    public static DbConnection Open(TestProvider provider, string connectionString)
    {
        DbConnection connection = provider == TestProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static async Task<object?> ScalarAsync(TestProvider provider, string connectionString, string sql)
    {
        await using var connection = Open(provider, connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public static async Task ExecuteAsync(TestProvider provider, string connectionString, string sql)
    {
        await using var connection = Open(provider, connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What an owner does first: lift the append-only triggers.</summary>
    public static string DropGuards(TestProvider provider) => provider == TestProvider.Postgres
        ? "ALTER TABLE audit_entries DISABLE TRIGGER USER;"
        : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;";
}
