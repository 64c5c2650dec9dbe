using Chancery.Web.Accounts;
using Chancery.Web.Reference;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Data;

/// <summary>Brings the database up to date on start: migrations (EF takes a database lock, so
/// several instances may start together), then reference data, units and the first administrator.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ChanceryDbContext>();
        await db.Database.MigrateAsync(ct);
        await services.GetRequiredService<UnitSeeder>().SeedAsync(ct);
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
        await services.GetRequiredService<AdministratorSeeder>().SeedAsync(ct);
    }
}
