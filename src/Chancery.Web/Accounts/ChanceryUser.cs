using Chancery.Web.Common.Classification;
using Chancery.Web.Units;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

/// <summary>A person who signs in. Belongs to one unit and holds one clearance level.</summary>
public sealed class ChanceryUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public ClassificationLevel Clearance { get; set; } = ClassificationLevel.Internal;
    /// <summary>Secret in the user's calendar-feed URL; replacing it revokes the old URL.</summary>
    public string? CalendarToken { get; set; }
}

public static class Roles
{
    public const string Administrator = "administrator";
    public const string Editor = "editor";
    public const string Viewer = "viewer";
    public static readonly string[] All = [Administrator, Editor, Viewer];
}

public static class ChanceryClaims
{
    public const string Clearance = "chancery:clearance";
    public const string Unit = "chancery:unit";
    public const string DisplayName = "chancery:name";
}

public static class Policies
{
    /// <summary>May create, edit and import records.</summary>
    public const string Edit = "edit";
    /// <summary>May manage users, units and read the audit trail.</summary>
    public const string Administer = "administer";
}
