namespace Chancery.Web.Common.Security;

/// <summary>Where a "return to" address may send the browser: a path on this site, never another
/// host. The same rule as MVC's Url.IsLocalUrl, so "/\evil.example" and "//evil.example" (which
/// browsers read as another host) fall back instead of reaching LocalRedirect, which throws on them.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return false;
        if (url.Length == 1) return true;
        if (url[1] is '/' or '\\') return false;
        return !url.Any(char.IsControl);
    }

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
