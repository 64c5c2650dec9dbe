using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chancery.Web.Data;

/// <summary>Stores many NEW rows of one entity type without the change tracker, for imports of
/// national size (100,000 rows and more). Column names, value conversions (enums as text) and types
/// come from the EF model, so the rows are exactly what SaveChanges would write. Keys are reserved
/// first (<see cref="ReserveIdsAsync"/>) so children and links can be set before anything is written.
/// PostgreSQL uses binary COPY; SQLite one prepared INSERT reused for every row. Must run inside the
/// caller's transaction. Bypasses the interceptors: the caller keeps the search text and writes the
/// audit trail itself (Common/Audit/BulkAudit).</summary>
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
        var ids = new long[count];
        if (db.Database.IsNpgsql())
        {
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{key}')) FROM generate_series(1, {count})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var i = 0;
            while (await reader.ReadAsync(ct)) ids[i++] = reader.GetInt64(0);
            return ids;
        }
        // SQLite: AUTOINCREMENT never reuses a key, so start above both the largest key and the
        // table's sequence. The transaction holds the write lock once the first row is written.
        command.CommandText = $"SELECT MAX(x) FROM (SELECT MAX(\"{key}\") AS x FROM \"{table}\" UNION ALL SELECT seq FROM sqlite_sequence WHERE name = '{table}')";
        var result = await command.ExecuteScalarAsync(ct);
        var start = result is null or DBNull ? 0L : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++) ids[i] = start + i + 1;
        return ids;
    }

    /// <summary>Inserts the entities (keys already set) in the current transaction.</summary>
    public static async Task InsertAsync<T>(ChanceryDbContext db, IReadOnlyCollection<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0) return;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => new Column(p, p.GetColumnName(store)!, p.GetRelationalTypeMapping()))
            .ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));

        if (db.Database.IsNpgsql())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            var types = columns.Select(c => BaseType(c.Mapping.StoreType)).ToArray();
            // Synchronous writes into the importer's buffer: an await per value (millions of them)
            // costs more than the occasional blocking flush.
            foreach (var entity in entities)
            {
                ct.ThrowIfCancellationRequested();
                writer.StartRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].ProviderValue(entity);
                    if (value is null) writer.WriteNull();
                    else writer.Write(value, types[i]);
                }
            }
            await writer.CompleteAsync(ct);
            return;
        }

        var sqlite = db.Database.GetDbConnection();
        await using var command = sqlite.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "@p" + i;
            command.Parameters.Add(parameters[i]);
        }
        command.Prepare();
        foreach (var entity in entities)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].ProviderValue(entity) ?? DBNull.Value;
            // Microsoft.Data.Sqlite runs async calls synchronously anyway; skip the per-row task.
            command.ExecuteNonQuery();
        }
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

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        private readonly IClrPropertyGetter _getter = Property.GetGetter();

        public object? ProviderValue(object entity)
        {
            var value = _getter.GetClrValue(entity);
            if (value is null) return null;
            var converter = Property.GetValueConverter() ?? Mapping.Converter;
            return converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}
