using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Concurrency;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string DefaultSqliteConnection = "Data Source=data/chancery.db";

    /// <summary>Registers <see cref="ChanceryDbContext"/> on the configured provider, with the
    /// record-maintenance and audit interceptors that every save goes through.</summary>
    public static IServiceCollection AddChanceryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Chancery");
        services.AddScoped<RecordMaintenanceInterceptor>();
        services.AddScoped<AuditInterceptor>();

        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Chancery is not set.");
            services.AddDbContext<ChanceryDbContext, PostgresChanceryDbContext>((sp, db) =>
                ConfigurePostgres(db, connectionString).AddInterceptors(Interceptors(sp)));
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString;
            EnsureSqliteFolder(sqlite);
            services.AddDbContext<ChanceryDbContext, SqliteChanceryDbContext>((sp, db) =>
                ConfigureSqlite(db, sqlite).AddInterceptors(Interceptors(sp)));
        }
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(ChanceryDbContext).Assembly.FullName));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(ChanceryDbContext).Assembly.FullName));

    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors(IServiceProvider sp) =>
        [sp.GetRequiredService<RecordMaintenanceInterceptor>(), sp.GetRequiredService<AuditInterceptor>()];

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:") Directory.CreateDirectory(folder);
    }
}
