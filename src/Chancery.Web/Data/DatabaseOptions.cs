namespace Chancery.Web.Data;

/// <summary>Configuration section "Database": which provider to use. SQLite is the embedded default;
/// production sets Provider=postgres and ConnectionStrings:Chancery.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public string Provider { get; set; } = "sqlite";
    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);
}
