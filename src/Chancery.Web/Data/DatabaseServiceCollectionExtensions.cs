using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chancery.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ChanceryDbContext"/> on the configured provider, with the
    /// record-maintenance and audit interceptors that every save goes through. Contexts come from a
    /// pool (options, interceptors and EF's internal services are built once, not on every request);
    /// each request gets one for its own user, returned to the pool when the request ends.</summary>
    public static IServiceCollection AddChanceryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Chancery");
        services.AddSingleton<RecordMaintenanceInterceptor>();
        services.AddSingleton<AuditInterceptor>();

        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Chancery is not set.");
            services.AddPooledDbContextFactory<PostgresChanceryDbContext>((sp, db) =>
                ConfigurePostgres(db, connectionString).AddInterceptors(Interceptors(sp)));
            services.AddScoped<ChanceryDbContext>(sp => ForRequest(sp, sp.GetRequiredService<IDbContextFactory<PostgresChanceryDbContext>>()));
        }
        else
        {
            var sqlite = DataLocation.Sqlite(connectionString);
            services.AddPooledDbContextFactory<SqliteChanceryDbContext>((sp, db) =>
                ConfigureSqlite(db, sqlite).AddInterceptors(Interceptors(sp)));
            services.AddScoped<ChanceryDbContext>(sp => ForRequest(sp, sp.GetRequiredService<IDbContextFactory<SqliteChanceryDbContext>>()));
        }
        return services;
    }

    // The scope disposes the context, which hands it back to the pool.
    private static ChanceryDbContext ForRequest<TContext>(IServiceProvider sp, IDbContextFactory<TContext> factory)
        where TContext : ChanceryDbContext
    {
        var db = factory.CreateDbContext();
        db.CurrentUser = sp.GetRequiredService<ICurrentUser>();
        return db;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(ChanceryDbContext).Assembly.FullName));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(typeof(ChanceryDbContext).Assembly.FullName));

    /// <summary>Lists and pages send the same few statements all day; letting Npgsql prepare the ones
    /// used twice saves PostgreSQL from planning them again on every request (about 1 ms each on the
    /// activity list). A connection string that sets Max Auto Prepare itself is left as it is.</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare > 0 || connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) return connectionString;
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors(IServiceProvider sp) =>
        [sp.GetRequiredService<RecordMaintenanceInterceptor>(), sp.GetRequiredService<AuditInterceptor>()];
}
