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
        await db.Database.MigrateAsync(ct);
        foreach (var seeder in services.GetServices<IStartupSeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(ct);
    }
}
