namespace Chancery.Web.Common.Security;

/// <summary>The five roles, highest first. Each account holds one. What a role may do is written once:
/// the sets below feed both the authorization policies (<see cref="Policies"/>) and the checks that
/// work from the database context's reader (<see cref="RolePowers"/>, <see cref="UnitScope"/>), so a
/// page, an endpoint and a writer never disagree. docs/security.md, "Roles", explains them.</summary>
public static class Roles
{
    /// <summary>Accounts, units, the audit trail, the bin, every module.</summary>
    public const string Administrator = "administrator";
    /// <summary>Reads across units as clearance allows and edits any unit's records; administers nothing.</summary>
    public const string Leader = "leader";
    /// <summary>Edits the records of their unit subtree and manages its officers' and viewers' accounts.</summary>
    public const string UnitManager = "unit_manager";
    /// <summary>Creates and edits records; the unit-scoped ones (a task's changes and progress) only in their unit subtree.</summary>
    public const string Officer = "officer";
    /// <summary>Reads only.</summary>
    public const string Viewer = "viewer";

    /// <summary>Every role, highest first (the order a role picker shows and "above" is measured in).</summary>
    public static readonly string[] All = [Administrator, Leader, UnitManager, Officer, Viewer];

    /// <summary>May create, edit, delete and import records.</summary>
    public static readonly string[] Editors = [Administrator, Leader, UnitManager, Officer];
    /// <summary>Their edits of unit-scoped records are not limited to their own unit subtree.</summary>
    public static readonly string[] AcrossUnits = [Administrator, Leader];
    /// <summary>May manage accounts (an administrator every account, a unit manager those of their subtree).</summary>
    public static readonly string[] AccountManagers = [Administrator, UnitManager];
    /// <summary>May manage units, read the audit trail, restore from the bin, read the outbox and every token.</summary>
    public static readonly string[] Administrators = [Administrator];

    /// <summary>0 for the highest role; a role unknown here ranks below every known one.</summary>
    public static int Rank(string? role) => Array.IndexOf(All, role) is var i and >= 0 ? i : All.Length;

    /// <summary>The roles an account manager may hand out. An administrator any (their own included:
    /// a ministry needs more than one); a unit manager only the roles below their own that edit
    /// nothing beyond their subtree — officer and viewer — so nobody appoints a peer or a superior,
    /// and two unit managers cannot lock each other out. Anyone else none.</summary>
    public static IReadOnlyList<string> GrantableBy(string? role) => role switch
    {
        Administrator => All,
        UnitManager => [Officer, Viewer],
        _ => [],
    };
}

public static class ChanceryClaims
{
    public const string Clearance = "chancery:clearance";
    public const string Unit = "chancery:unit";
    public const string DisplayName = "chancery:name";
    /// <summary>The personal access token a request was made with (its id), when it was.</summary>
    public const string Token = "chancery:token";
    /// <summary>That token's scope code (read, read_write, calendar).</summary>
    public const string TokenScope = "chancery:token_scope";
}

/// <summary>The named policies endpoints and pages require (registered from the role sets in
/// <see cref="Roles"/> by <see cref="PolicySetup"/>).</summary>
public static class Policies
{
    /// <summary>May create, edit and import records (<see cref="Roles.Editors"/>).</summary>
    public const string Edit = "edit";
    /// <summary>May manage units, read the audit trail, restore from the bin (<see cref="Roles.Administrators"/>).</summary>
    public const string Administer = "administer";
    /// <summary>May open the accounts pages and API (<see cref="Roles.AccountManagers"/>); which accounts
    /// is decided per account by the Accounts module's writer.</summary>
    public const string ManageAccounts = "manage_accounts";
}
