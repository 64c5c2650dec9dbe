using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;

namespace Chancery.Tests.Security;

/// <summary>One app per provider for the whole matrix: the canary records planted once, one user per
/// role (top-secret, so that only the role decides) and one administrator per clearance (so that every
/// route, audit pages included, is open to them and only the clearance decides what they read).</summary>
public abstract class MatrixApp(TestProvider provider) : AppFixture(provider)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<ClassificationLevel, CanaryRecords>? _garden;

    public static string RoleUser(string role) => $"mx-role-{role}@test.local";
    public static string Reader(ClassificationLevel clearance) => $"mx-reader-{clearance.ToCode()}@test.local";

    public async Task<IReadOnlyDictionary<ClassificationLevel, CanaryRecords>> GardenAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_garden is not null) return _garden;
            var garden = await CanaryGarden.PlantAsync(App);
            foreach (var role in Roles.All) await App.CreateUserAsync(RoleUser(role), role, ClassificationLevel.TopSecret);
            foreach (var level in CanaryGarden.Levels) await App.CreateUserAsync(Reader(level), Roles.Administrator, level);
            return _garden = garden;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed class SqliteMatrixApp() : MatrixApp(TestProvider.Sqlite);

public sealed class PostgresMatrixApp() : MatrixApp(TestProvider.Postgres);
