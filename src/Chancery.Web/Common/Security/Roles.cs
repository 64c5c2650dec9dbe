namespace Chancery.Web.Common.Security;

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
