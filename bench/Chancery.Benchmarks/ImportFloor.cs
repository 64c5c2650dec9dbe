using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chancery.Benchmarks;

/// <summary>The floor of the activities import (issue "Speed", point 4): the database's own bulk load of exactly the
/// rows the import wrote (people, office periods, activities, legs, audit entries), into the same schema with the
/// same indexes and foreign keys, in one transaction. On PostgreSQL: CSV COPY of each table's new rows into a copy of
/// the database taken as it was before the import (a template copy with those rows deleted and the tables
/// compacted); on SQLite: the native INSERT … SELECT from the imported file into such a copy.</summary>
public static class ImportFloor
{
    // In the order a load must follow (foreign keys): people before their offices and activities, activities before legs.
    private static readonly string[] Tables = ["people", "person_offices", "activities", "activity_legs", "audit_entries"];

    /// <summary>The highest id of each table before the import: the rows above it are the import's.</summary>
    public static async Task<Dictionary<string, long>> MaxIdsAsync(bool postgres, string connection)
    {
        var result = new Dictionary<string, long>();
        await using var db = Open(postgres, connection);
        await db.OpenAsync();
        foreach (var table in Tables)
        {
            await using var command = db.CreateCommand();
            command.CommandText = $"""SELECT COALESCE(MAX("Id"), 0) FROM {table}""";
            result[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    /// <summary>Times the load of the import's rows into a copy of the database without them. The app must have stopped.</summary>
    public static Task<(TimeSpan Elapsed, long Rows)> MeasureAsync(bool postgres, string connection, Dictionary<string, long> before) =>
        postgres ? PostgresAsync(connection, before) : SqliteAsync(connection, before);

    private static System.Data.Common.DbConnection Open(bool postgres, string connection) =>
        postgres ? new NpgsqlConnection(connection) : new SqliteConnection(connection);

    private static async Task<(TimeSpan, long)> PostgresAsync(string connection, Dictionary<string, long> before)
    {
        NpgsqlConnection.ClearAllPools();
        var source = new NpgsqlConnectionStringBuilder(connection);
        var floor = new NpgsqlConnectionStringBuilder(connection) { Database = source.Database + "_floor", Pooling = false };
        var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false };
        await using (var db = new NpgsqlConnection(admin.ConnectionString))
        {
            await db.OpenAsync();
            await Exec(db, $"""DROP DATABASE IF EXISTS "{floor.Database}" """);
            await Exec(db, $"""CREATE DATABASE "{floor.Database}" TEMPLATE "{source.Database}" """);
        }
        // The import's rows, as CSV, from the imported database.
        var csv = new Dictionary<string, string>();
        long rows = 0;
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            foreach (var table in Tables)
            {
                using var export = await db.BeginTextExportAsync(
                    $"""COPY (SELECT * FROM {table} WHERE "Id" > {before[table]} ORDER BY "Id") TO STDOUT (FORMAT csv)""");
                csv[table] = await export.ReadToEndAsync();
                rows += csv[table].Count(c => c == '\n');
            }
        }
        await using (var db = new NpgsqlConnection(floor.ConnectionString))
        {
            await db.OpenAsync();
            // The audit trail refuses deletes (Common/Audit/AuditAppendOnly): lifted for the deletes only, in this throwaway copy.
            await Exec(db, "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only");
            foreach (var table in Tables.Reverse()) await Exec(db, $"""DELETE FROM {table} WHERE "Id" > {before[table]}""");
            await Exec(db, "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only");
            // As compact as the tables were before the import, with fresh statistics.
            foreach (var table in Tables) await Exec(db, $"VACUUM FULL ANALYZE {table}");
            var clock = Stopwatch.StartNew();
            await using (var transaction = await db.BeginTransactionAsync())
            {
                foreach (var table in Tables)
                {
                    await using (var import = await db.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv)"))
                        await import.WriteAsync(csv[table]);
                }
                await transaction.CommitAsync();
            }
            clock.Stop();
            await using var drop = new NpgsqlConnection(admin.ConnectionString);
            await drop.OpenAsync();
            await db.CloseAsync();
            await Exec(drop, $"""DROP DATABASE IF EXISTS "{floor.Database}" """);
            return (clock.Elapsed, rows);
        }
    }

    private static async Task<(TimeSpan, long)> SqliteAsync(string connection, Dictionary<string, long> before)
    {
        SqliteConnection.ClearAllPools();
        var source = new SqliteConnectionStringBuilder(connection).DataSource;
        var floorPath = source + ".floor";
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(floorPath + suffix);
        await using (var db = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await db.OpenAsync();
            await Exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        File.Copy(source, floorPath);
        long rows = 0;
        TimeSpan elapsed;
        await using (var db = new SqliteConnection($"Data Source={floorPath};Pooling=False;Foreign Keys=True"))
        {
            await db.OpenAsync();
            // The audit trail refuses deletes (Common/Audit/AuditAppendOnly): lifted for the deletes only, in this throwaway copy.
            string trigger;
            await using (var read = db.CreateCommand())
            {
                read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_entries_no_delete'";
                trigger = (string)(await read.ExecuteScalarAsync())!;
            }
            await Exec(db, "DROP TRIGGER audit_entries_no_delete");
            // part_of is ON DELETE RESTRICT, checked row by row on SQLite: unlink the new activities before deleting them.
            await Exec(db, $"""UPDATE activities SET "PartOfId" = NULL WHERE "Id" > {before["activities"]}""");
            foreach (var table in Tables.Reverse()) await Exec(db, $"""DELETE FROM {table} WHERE "Id" > {before[table]}""");
            await Exec(db, trigger);
            await Exec(db, "VACUUM");
            await Exec(db, "ANALYZE");
            await Exec(db, $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS imported");
            var clock = Stopwatch.StartNew();
            await using (var transaction = await db.BeginTransactionAsync())
            {
                foreach (var table in Tables)
                {
                    await using var command = db.CreateCommand();
                    command.Transaction = (SqliteTransaction)transaction;
                    command.CommandText = $"""INSERT INTO main.{table} SELECT * FROM imported.{table} WHERE "Id" > {before[table]} ORDER BY "Id" """;
                    rows += await command.ExecuteNonQueryAsync();
                }
                await transaction.CommitAsync();
            }
            clock.Stop();
            elapsed = clock.Elapsed;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(floorPath + suffix);
        return (elapsed, rows);
    }

    private static async Task Exec(System.Data.Common.DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
