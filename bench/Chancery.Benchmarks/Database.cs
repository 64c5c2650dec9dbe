using Chancery.Web;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Benchmarks;

/// <summary>The application's own services on a given database (read by a top-secret system user,
/// so every record counts), to call its queries directly.</summary>
public static class Database
{
    public static WebApplication Host(string provider, string connection)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Chancery"] = connection,
            ["Database:Provider"] = provider,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddChancery(builder.Configuration);
        builder.Services.AddScoped<ICurrentUser>(_ => SystemUser.Instance);
        return builder.Build();
    }

    public static bool IsPostgres(string provider) => provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
}
