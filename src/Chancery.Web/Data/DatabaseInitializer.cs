using Chancery.Web.Common.Modules;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Data;

/// <summary>Brings the database up to date on start: migrations (EF takes a database lock, so
/// several instances may start together), then every module's seeders in their order (reference
/// data, units, the first administrator).</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ChanceryDbContext>();
        // No request: the seeders (which share this scope's context) act for the system, and say so.
        db.CurrentUser = Common.Classification.SystemUser.Instance;
        // A migration that rewrites a column of every row (search text, a new classification) runs for
        // minutes on a national-scale database; the default 30-s command timeout would stop the start
        // half-way. Requests keep the default: this applies to this scope's context only.
        db.Database.SetCommandTimeout(app.Configuration.GetValue("Database:MigrationTimeout", TimeSpan.FromMinutes(30)));
        await db.Database.MigrateAsync(ct);
        foreach (var seeder in services.GetServices<IStartupSeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(ct);
    }
}
