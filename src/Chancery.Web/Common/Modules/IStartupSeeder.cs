namespace Chancery.Web.Common.Modules;

/// <summary>Data a module brings to an empty database (reference lists, the first administrator),
/// run once at start-up after the migrations, in <see cref="Order"/>. Seeders must be idempotent:
/// every instance runs them at every start.</summary>
public interface IStartupSeeder
{
    int Order { get; }
    Task SeedAsync(CancellationToken ct);
}

public static class ModuleRegistration
{
    public static IServiceCollection AddSeeder<T>(this IServiceCollection services) where T : class, IStartupSeeder =>
        services.AddScoped<T>().AddScoped<IStartupSeeder>(sp => sp.GetRequiredService<T>());
}
