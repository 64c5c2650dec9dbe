using Chancery.Web.Common.Classification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chancery.Web.Data;

/// <summary>Lets `dotnet ef migrations add X --context SqliteChanceryDbContext` (or Postgres…) build
/// the model without starting the web host or reaching a server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChanceryDbContext>
{
    public SqliteChanceryDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteChanceryDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteChanceryDbContext(builder.Options) { CurrentUser = SystemUser.Instance };
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChanceryDbContext>
{
    public PostgresChanceryDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresChanceryDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(builder, "Host=localhost;Database=chancery_design");
        return new PostgresChanceryDbContext(builder.Options) { CurrentUser = SystemUser.Instance };
    }
}
