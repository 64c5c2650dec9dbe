namespace Chancery.ClientCheck;

/// <summary>What both client programs share: the steps' reporting and the arguments.</summary>
public static class Check
{
    public static string BaseUrl(string[] args) => args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5000";
    public static string Email(string[] args) => args.Length > 1 ? args[1] : "admin@chancery.local";
    public static string Password(string[] args) => args.Length > 2 ? args[2] : "Chancery-Admin-2026";

    public static void That(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException("Check failed: " + what);
        Console.WriteLine("  ok  " + what);
    }
}
