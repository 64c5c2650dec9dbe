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
/// written once to the log. The administrator is cleared top secret, so (unless <c>SignIn:TwoFactorFrom</c>
/// lifts it) it must set up an authenticator at its first sign-in, with a one-time enrolment code like
/// every account: nobody can issue that one yet, so the code is written once to the log, for whoever runs
/// the server (who holds its configuration, and so the password, already).</summary>
public sealed class AdministratorSeeder(
    UserManager<ChanceryUser> users, RoleManager<IdentityRole> roles, ChanceryDbContext db,
    IConfiguration configuration, ILogger<AdministratorSeeder> logger,
    TwoFactorRule rule, EnrolmentCodes enrolmentCodes) : IStartupSeeder
{
    public const string DefaultEmail = "admin@chancery.local";

    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        if (await users.Users.AnyAsync(ct))
        {
            await HandOverEnrolmentCodeAsync(ct);
            return;
        }
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
        await HandOverEnrolmentCodeAsync(ct);
    }

    /// <summary>While no administrator has an authenticator, nobody can issue enrolment codes in the app; so
    /// at each start the first administrator that needs one and holds no working code (a new server, a code
    /// left to expire, an upgrade from before codes) gets a new one, written once to the log.</summary>
    private async Task HandOverEnrolmentCodeAsync(CancellationToken ct)
    {
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (administrators.Any(a => a.TwoFactorEnabled)) return;
        foreach (var admin in administrators.OrderBy(a => a.Email, StringComparer.Ordinal))
        {
            if (!rule.Requires(admin) || await users.IsLockedOutAsync(admin)) continue;
            if ((await enrolmentCodes.StateAsync(admin)).State == EnrolmentCodeCheck.Right) return;
            var code = await enrolmentCodes.IssueAsync(admin, "first_administrator", ct);
            logger.LogWarning("Enrolment code for administrator {Email}: {Code}, valid until {Expires:u} — shown once; type it after the password to set up the authenticator.",
                admin.Email, code.Code, code.Expires);
            return;
        }
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
