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
    /// <summary>The personal access token a request was made with (its id), when it was.</summary>
    public const string Token = "chancery:token";
    /// <summary>That token's scope code (read, read_write, calendar).</summary>
    public const string TokenScope = "chancery:token_scope";
}

public static class Policies
{
    /// <summary>May create, edit and import records.</summary>
    public const string Edit = "edit";
    /// <summary>May manage users, units and read the audit trail.</summary>
    public const string Administer = "administer";
}
