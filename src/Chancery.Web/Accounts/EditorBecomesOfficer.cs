using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Accounts;

/// <summary>Brings a database from the three-role model (administrator, editor, viewer) to the five
/// roles: every editor becomes an officer. Roles are rows Identity's seeder writes at start-up (a fresh
/// database has none for a migration to rename), and the change must recompute hashes in code, so it
/// is a start-up step, run before the roles are created and a no-op once no "editor" row is left.
/// What it does to each former editor:
/// - the membership moves to "officer" (the row is renamed when no "officer" exists yet, so ids stay);
///   an administrator who also held "editor" (the first administrator was seeded so) keeps
///   administrator alone: one role per account;
/// - the security stamp is renewed: cookies and bearer tokens carry the old role name, which no
///   policy knows, so the user signs in once more and gets the new one rather than a session that
///   can no longer edit;
/// - personal access tokens issued for the old role set get the new set's fingerprint, so an
///   integration keeps working (a token whose fingerprint no longer matched stays ended).</summary>
public sealed class EditorBecomesOfficer(ChanceryDbContext db, ILogger<EditorBecomesOfficer> logger) : IStartupSeeder
{
    public const string LegacyRole = "editor";

    public int Order => 29; // before AdministratorSeeder (30) creates the missing roles

    public async Task SeedAsync(CancellationToken ct)
    {
        var editor = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == LegacyRole.ToUpperInvariant(), ct);
        if (editor is null) return;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var moved = await MoveAsync(editor, ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Role 'editor' replaced by 'officer' for {Count} account(s); they sign in again.", moved);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance starting at the same moment made the change first.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> MoveAsync(IdentityRole editor, CancellationToken ct)
    {
        var holders = await db.UserRoles.Where(m => m.RoleId == editor.Id).Select(m => m.UserId).ToListAsync(ct);
        var before = await RolesOfAsync(holders, ct);

        var officer = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == Roles.Officer.ToUpperInvariant(), ct);
        if (officer is null)
        {
            editor.Name = Roles.Officer;
            editor.NormalizedName = Roles.Officer.ToUpperInvariant();
            editor.ConcurrencyStamp = Guid.NewGuid().ToString();
            officer = editor;
        }
        else
        {
            db.UserRoles.RemoveRange(await db.UserRoles.Where(m => m.RoleId == editor.Id).ToListAsync(ct));
            foreach (var user in holders.Where(u => !before[u].Contains(Roles.Officer)))
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user, RoleId = officer.Id });
            db.Roles.Remove(editor);
        }
        await db.SaveChangesAsync(ct);

        var administrators = holders.Where(u => before[u].Contains(Roles.Administrator)).ToList();
        db.UserRoles.RemoveRange(await db.UserRoles.Where(m => m.RoleId == officer.Id && administrators.Contains(m.UserId)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);

        var after = await RolesOfAsync(holders, ct);
        var users = await db.Users.Where(u => holders.Contains(u.Id)).ToListAsync(ct);
        var tokens = (await db.PersonalAccessTokens.Where(t => holders.Contains(t.UserId)).ToListAsync(ct)).ToLookup(t => t.UserId);
        foreach (var user in users)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
            var old = AccountFingerprint.Of(user.Clearance, before[user.Id], user.PasswordHash);
            foreach (var token in tokens[user.Id].Where(t => t.AccountFingerprint == old))
                token.AccountFingerprint = AccountFingerprint.Of(user.Clearance, after[user.Id], user.PasswordHash);
        }
        await db.SaveChangesAsync(ct);
        return users.Count;
    }

    private async Task<ILookup<string, string>> RolesOfAsync(List<string> users, CancellationToken ct) =>
        (await (from m in db.UserRoles join r in db.Roles on m.RoleId equals r.Id
                where users.Contains(m.UserId) select new { m.UserId, r.Name }).AsNoTracking().ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
}
