using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Data;

/// <summary>Fails when an entity changed without a migration for a provider: the app would start on
/// a schema that does not match its model. Fix by regenerating the migrations (see README).</summary>
public class ModelMigrationTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteChanceryDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=:memory:");
        using var db = new SqliteChanceryDbContext(options.Options) { CurrentUser = SystemUser.Instance };

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "The model has changes without a SQLite migration: dotnet ef migrations add <Name> --context SqliteChanceryDbContext -o Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        // Comparing the model with the migrations' snapshot needs no server.
        var options = new DbContextOptionsBuilder<PostgresChanceryDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(options, "Host=unused");
        using var db = new PostgresChanceryDbContext(options.Options) { CurrentUser = SystemUser.Instance };

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "The model has changes without a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgresChanceryDbContext -o Data/Migrations/Postgres");
    }
}
