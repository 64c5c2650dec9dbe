using System.Diagnostics;
using System.Text.Json;
using Chancery.Web.Common.Documents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chancery.Web.Data.Operations;

/// <summary>What a backup folder holds besides the data: when it was made, from which provider, and how
/// many rows each table had (the restore compares its own counts with these).</summary>
public sealed record BackupManifest(string Provider, DateTimeOffset MadeAt, IReadOnlyDictionary<string, long> Rows, int DocumentFiles);

/// <summary>Backup and restore of the whole of Chancery: the database (SQLite through its online backup
/// API, which copies a consistent snapshot while the app keeps running; PostgreSQL through
/// <c>pg_dump</c>/<c>pg_restore</c> in their custom format, from Debian's postgresql-client) and the
/// document store's folder (a store kept in the database travels with the database). A folder holds
/// <c>chancery.db</c> or <c>chancery.dump</c>, <c>documents/</c> and <c>manifest.json</c>.</summary>
public sealed class DatabaseBackup(ChanceryDbContext db, IConfiguration configuration, TextWriter output)
{
    public const string ManifestFile = "manifest.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private bool IsPostgres => db.Database.IsNpgsql();
    private string ConnectionString => db.Database.GetConnectionString()!;

    public async Task<BackupManifest> BackupAsync(string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        if (Directory.EnumerateFileSystemEntries(folder).Any())
            throw new OperationFailedException($"The backup folder {folder} is not empty; choose a new one.");
        // Counted before the copy: rows written between the count and the copy make the copy larger, never smaller.
        var rows = await RowCountsAsync(ct);
        if (IsPostgres) await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(folder, "chancery.dump")], ConnectionString, ct);
        else
        {
            await using var source = new SqliteConnection(ConnectionString);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "chancery.db"), Pooling = false }.ToString());
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        var files = CopyFolder(DocumentFolder, Path.Combine(folder, "documents"));
        var manifest = new BackupManifest(IsPostgres ? "postgres" : "sqlite", DateTimeOffset.UtcNow, rows, files);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
        output.WriteLine($"Backed up {rows.Values.Sum()} rows in {rows.Count} tables and {files} document files to {folder}.");
        return manifest;
    }

    /// <summary>Restores a backup into an empty database (a new SQLite file, or a PostgreSQL database that
    /// does not exist yet or has no tables), then counts every table and compares with the manifest.</summary>
    public async Task RestoreAsync(string folder, CancellationToken ct)
    {
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath)) throw new OperationFailedException($"{folder} holds no {ManifestFile}: not a Chancery backup.");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct))!;
        if (manifest.Provider != (IsPostgres ? "postgres" : "sqlite"))
            throw new OperationFailedException($"The backup is of a {manifest.Provider} database; the configured database is not.");
        if (IsPostgres)
        {
            await EnsureEmptyPostgresAsync(ct);
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                "--dbname", LibpqDatabase(ConnectionString), Path.Combine(folder, "chancery.dump")], ConnectionString, ct);
        }
        else
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (File.Exists(file) && new FileInfo(file).Length > 0)
                throw new OperationFailedException($"{file} already exists; restore into a new file.");
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "chancery.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        var files = CopyFolder(Path.Combine(folder, "documents"), DocumentFolder);
        var rows = await RowCountsAsync(ct);
        var wrong = manifest.Rows.Where(t => !rows.TryGetValue(t.Key, out var n) || n < t.Value).Select(t => t.Key).ToList();
        if (wrong.Count > 0 || files < manifest.DocumentFiles)
            throw new OperationFailedException($"The restored data does not match the backup: tables {string.Join(", ", wrong)}; {files} of {manifest.DocumentFiles} document files.");
        output.WriteLine($"Restored {rows.Values.Sum()} rows in {rows.Count} tables and {files} document files; every table's count matches the backup.");
    }

    /// <summary>Rows per table of the model (every module's, found through the model, plus the migrations history).</summary>
    public async Task<IReadOnlyDictionary<string, long>> RowCountsAsync(CancellationToken ct)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Append("__EFMigrationsHistory").Order(StringComparer.Ordinal).ToList();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        }
        return counts;
    }

    private string? DocumentFolder
    {
        get
        {
            var options = configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new DocumentOptions();
            return string.Equals(options.Store, "database", StringComparison.OrdinalIgnoreCase) ? null : DataLocation.Resolve(options.Folder);
        }
    }

    private static int CopyFolder(string? from, string? to)
    {
        if (from is null || to is null || !Directory.Exists(from)) return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target)) File.Copy(file, target);
            count++;
        }
        return count;
    }

    private async Task EnsureEmptyPostgresAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database ?? throw new OperationFailedException("The connection string names no database.");
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await server.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", server);
                await create.ExecuteNonQueryAsync(ct);
                return;
            }
        }
        await using var target = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await target.OpenAsync(ct);
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", target);
        if (Convert.ToInt64(await tables.ExecuteScalarAsync(ct)) > 0)
            throw new OperationFailedException($"The database {name} already has tables; restore into a new, empty database.");
    }

    /// <summary>A libpq connection URI for pg_dump/pg_restore; the password goes through PGPASSWORD, never the command line.</summary>
    private static string LibpqDatabase(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{Uri.EscapeDataString(b.Username ?? "postgres")}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database ?? "postgres")}";
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, string connectionString, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (tool == "pg_dump") start.ArgumentList.Add(LibpqDatabase(connectionString));
        start.Environment["PGPASSWORD"] = b.Password ?? "";
        start.Environment["PGCONNECT_TIMEOUT"] = "10";
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new OperationFailedException($"{tool} was not found: install Debian's postgresql-client (apt-get install postgresql-client).");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new OperationFailedException($"{tool} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }
}

/// <summary>An operation that cannot go on, with the sentence the operator reads.</summary>
public sealed class OperationFailedException(string message) : Exception(message);
