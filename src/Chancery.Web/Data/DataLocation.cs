using Microsoft.Data.Sqlite;

namespace Chancery.Web.Data;

/// <summary>The one place that decides where Chancery's files live. A relative path (the SQLite file,
/// a generated demo file) is taken from the repository's root when running from a clone (the folder
/// holding Chancery.slnx, found upward from the working directory: <c>dotnet run --project</c> starts
/// each project in its own folder, and the app and the demo generator must agree), and from the
/// working directory otherwise (a published app).</summary>
public static class DataLocation
{
    public const string DefaultSqliteConnection = "Data Source=data/chancery.db";

    public static string Root(string? from = null)
    {
        var start = new DirectoryInfo(from ?? Directory.GetCurrentDirectory());
        for (var dir = start; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Chancery.slnx"))) return dir.FullName;
        return start.FullName;
    }

    /// <summary>A path as the README writes it (<c>data/demo.db</c>), made absolute from <see cref="Root"/>.</summary>
    public static string Resolve(string path, string? from = null) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root(from), path));

    /// <summary>The SQLite connection string with its file resolved and its folder created.</summary>
    public static string Sqlite(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString);
        var file = builder.DataSource;
        if (file.Length == 0 || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory || file.StartsWith("file:", StringComparison.Ordinal))
            return builder.ToString();
        builder.DataSource = Resolve(file);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
