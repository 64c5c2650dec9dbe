using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chancery.Web.Data;

/// <summary>Stores many NEW rows of one entity type without the change tracker, for imports of
/// national size (100,000 rows and more). Column names, value conversions (enums as text) and types
/// come from the EF model, so the rows are exactly what SaveChanges would write. Keys are reserved
/// first (<see cref="ReserveIdsAsync"/>) so children and links can be set before anything is written.
/// PostgreSQL uses binary COPY; SQLite one prepared INSERT reused for every row. Values are written
/// with their own types (<see cref="BulkRowWriter{TEntity, TSink}"/>). Must run inside the
/// caller's transaction. Does not go through the interceptors, so the caller does what they would, with
/// the same functions: the search text (<see cref="Common.Search.SearchTexts.Refresh"/>) and the audit
/// trail (<see cref="Common.Audit.BulkAudit"/>); new rows keep version 0, as they would there.</summary>
public static class BulkInsert
{
    /// <summary>Reserves <paramref name="count"/> new keys of an identity column.</summary>
    public static async Task<long[]> ReserveIdsAsync<T>(ChanceryDbContext db, int count, CancellationToken ct) where T : class
    {
        if (count == 0) return [];
        var (table, key) = TableAndKey<T>(db);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsNpgsql())
        {
            // One array, not one result row per key (100,000 rows read one by one cost about a second);
            // the sequence is named once, not looked up in the catalogue for every key.
            command.CommandText = $"SELECT pg_get_serial_sequence('\"{table}\"', '{key}')";
            var sequence = (string)(await command.ExecuteScalarAsync(ct))!;
            command.CommandText = $"SELECT array_agg(nextval('{sequence}'::regclass)) FROM generate_series(1, {count})";
            var reserved = (long[])(await command.ExecuteScalarAsync(ct))!;
            if (reserved.Length != count) throw new InvalidOperationException($"Reserved {reserved.Length} keys of {table} instead of {count}.");
            return reserved;
        }
        // SQLite: AUTOINCREMENT never reuses a key, so start above both the largest key and the
        // table's sequence, and move the sequence past the keys handed out, as a sequence would: a key
        // reserved now may be written after later reservations (an import's part_of to a row further
        // down). In the caller's transaction, which then holds the write lock.
        command.CommandText = $"SELECT MAX(x) FROM (SELECT MAX(\"{key}\") AS x FROM \"{table}\" UNION ALL SELECT seq FROM sqlite_sequence WHERE name = '{table}')";
        var result = await command.ExecuteScalarAsync(ct);
        var start = result is null or DBNull ? 0L : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"UPDATE sqlite_sequence SET seq = {start + count} WHERE name = '{table}'; " +
            $"INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', {start + count} WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table}')";
        await command.ExecuteNonQueryAsync(ct);
        var ids = new long[count];
        for (var i = 0; i < count; i++) ids[i] = start + i + 1;
        return ids;
    }

    /// <summary>Inserts the entities in the current transaction, reading them as they are enumerated: a
    /// caller may build each row on the fly, so a large import never holds all of them. Keys must be
    /// set (reserved), unless <paramref name="keysFromDatabase"/>: then the database numbers the rows.</summary>
    /// <param name="buildWhileWriting">For rows that cost something to build (audit entries): they are
    /// built on another thread while the previous ones are written (<see cref="ReadAheadEnumerable"/>).
    /// Rows already built (a list) are written straight from it: handing them over would cost more than
    /// it saves.</param>
    public static async Task<int> InsertAsync<T>(ChanceryDbContext db, IEnumerable<T> entities, CancellationToken ct,
        bool keysFromDatabase = false, bool buildWhileWriting = false) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var columns = BulkColumns.Of(entityType, keysFromDatabase);
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var count = 0;

        if (db.Database.IsNpgsql())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var write = BulkRowWriter<T, NpgsqlBulkSink>.For(entityType, keysFromDatabase);
            var types = columns.Select(c => BaseType(c.StoreType)).ToArray();
            NpgsqlBinaryImporter? importer = null;
            NpgsqlBulkSink? sink = null;
            try
            {
                // Synchronous writes into the importer's buffer: an await per value (millions of them)
                // costs more than the occasional blocking flush. The rows are awaited a batch at a time.
                await foreach (var batch in InBatches(entities, buildWhileWriting, ct))
                {
                    ct.ThrowIfCancellationRequested();
                    if (importer is null)
                    {
                        // Begun with the first row: no COPY for nothing.
                        importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
                        sink = new NpgsqlBulkSink(importer, types);
                    }
                    foreach (var entity in batch)
                    {
                        sink!.StartRow();
                        write(entity, sink);
                    }
                    count += batch.Length;
                }
                if (importer is not null) await importer.CompleteAsync(ct);
                return count;
            }
            finally
            {
                if (importer is not null) await importer.DisposeAsync();
            }
        }

        var sql = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        using var statement = new SqliteBulkSink((SqliteConnection)db.Database.GetDbConnection(), sql);
        var writeRow = BulkRowWriter<T, SqliteBulkSink>.For(entityType, keysFromDatabase);
        await foreach (var batch in InBatches(entities, buildWhileWriting, ct))
        {
            ct.ThrowIfCancellationRequested();
            foreach (var entity in batch)
            {
                writeRow(entity, statement);
                statement.EndRow();
            }
            count += batch.Length;
        }
        return count;
    }

    private static async IAsyncEnumerable<T[]> InBatches<T>(IEnumerable<T> entities, bool buildWhileWriting,
        [EnumeratorCancellation] CancellationToken ct)
    {
        if (!buildWhileWriting)
        {
            foreach (var batch in entities.Chunk(1024)) yield return batch;
            yield break;
        }
        await foreach (var batch in entities.ReadAheadInBatches(ct)) yield return batch;
    }

    /// <summary>On SQLite, lets rows of one batch point at each other (part_of) in any order: the
    /// foreign keys are checked at commit, as PostgreSQL checks them at the end of the COPY. And a
    /// larger page cache for this connection (32 MiB instead of 2), so the indexes being filled stay
    /// in memory rather than being re-read page by page.</summary>
    public static async Task PrepareAsync(ChanceryDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -32768", ct);
    }

    private static (string Table, string Key) TableAndKey<T>(ChanceryDbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var table = entityType.GetTableName()!;
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        return (table, key.GetColumnName(StoreObjectIdentifier.Table(table, entityType.GetSchema()))!);
    }

    /// <summary>"character varying(80)" → "character varying": COPY wants the type, not its size.</summary>
    private static string BaseType(string storeType)
    {
        var paren = storeType.IndexOf('(');
        return paren < 0 ? storeType : storeType[..paren].Trim();
    }
}
