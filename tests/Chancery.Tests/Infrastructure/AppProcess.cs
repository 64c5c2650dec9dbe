using System.Diagnostics;
using System.Text;

namespace Chancery.Tests.Infrastructure;

/// <summary>The app's own executable run as a child process, as an operator runs it: a command
/// (<c>audit verify</c>, <c>backup</c>, <c>restore</c>) or the web server itself (to be killed).</summary>
public static class AppProcess
{
    private static string AppDll => typeof(Program).Assembly.Location;

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        return start;
    }

    /// <summary>Runs a command to its end: exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct, params string[] args)
    {
        using var process = Process.Start(StartInfo(settings, args))!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The settings that point the app at a test factory's database and documents folder.</summary>
    public static Dictionary<string, string> SettingsFor(TestProvider provider, string connectionString, string documents) => new()
    {
        ["Database:Provider"] = provider == TestProvider.Postgres ? "postgres" : "sqlite",
        ["ConnectionStrings:Chancery"] = connectionString,
        ["Documents:Folder"] = documents,
        ["Admin:Email"] = ChanceryAppFactory.AdminEmail,
        ["Admin:Password"] = ChanceryAppFactory.AdminPassword,
        // As in ChanceryAppFactory: these processes are signed in to with the password alone.
        ["SignIn:TwoFactorFrom"] = "none",
    };
}
