using Chancery.Web.Units;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Security;
using System.Security.Cryptography;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Accounts;

/// <summary>Creates the roles and the first administrator. The administrator's credentials come from
/// configuration (Admin:Email, Admin:Password); without them a strong password is generated and
/// written once to the log.</summary>
public sealed class AdministratorSeeder(
    UserManager<ChanceryUser> users, RoleManager<IdentityRole> roles, ChanceryDbContext db,
    IConfiguration configuration, ILogger<AdministratorSeeder> logger) : IStartupSeeder
{
    public const string DefaultEmail = "admin@chancery.local";

    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        if (await users.Users.AnyAsync(ct)) return;
        var email = configuration["Admin:Email"] is { Length: > 0 } configured ? configured : DefaultEmail;
        var password = configuration["Admin:Password"];
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = GeneratePassword();

        var unit = await db.Units.Where(u => u.Code == "MOFA-SEC").Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var admin = new ChanceryUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator",
            Clearance = ClassificationLevel.TopSecret, UnitId = unit,
        };
        Check(await users.CreateAsync(admin, password!));
        Check(await users.AddToRoleAsync(admin, Roles.Administrator));
        if (generated)
            logger.LogWarning("First administrator created: {Email} with generated password {Password} — shown once; change it after signing in.", email, password);
        else
            logger.LogInformation("First administrator created: {Email}", email);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var core = new string(Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
        return core + "-9a!";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
