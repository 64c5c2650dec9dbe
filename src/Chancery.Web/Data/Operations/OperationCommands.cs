using Chancery.Web.Common.Audit;

namespace Chancery.Web.Data.Operations;

/// <summary>The operator's verbs, run by the app's own executable with the app's configuration (appsettings,
/// environment, <c>--Key=value</c>) instead of serving requests:
/// <list type="bullet">
/// <item><c>audit verify</c>: walks the audit hash chain; exit code 0 when intact, 2 when broken (the first broken link is named).</item>
/// <item><c>audit seal</c>: seals the entries not yet in the chain.</item>
/// <item><c>backup FOLDER</c>: the database and the document files into a new folder.</item>
/// <item><c>restore FOLDER</c>: a backup into an empty database; exit code 0 when every table's count matches.</item>
/// </list></summary>
public static class OperationCommands
{
    public static bool IsCommand(string[] args) => args is ["audit", "verify" or "seal", ..] or ["backup", _, ..] or ["restore", _, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        // Only --Key=value arguments are configuration; the verb and its folder are not.
        var builder = WebApplication.CreateBuilder(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft", LogLevel.Error);
        builder.Services.AddChancery(builder.Configuration);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var output = Console.Out;
        var ct = CancellationToken.None;
        try
        {
            switch (args)
            {
                case ["audit", "verify", ..]:
                    var report = await services.GetRequiredService<AuditChain>().VerifyAsync(ct);
                    output.WriteLine(Describe(report));
                    return report.Intact ? 0 : 2;
                case ["audit", "seal", ..]:
                    var chain = services.GetRequiredService<AuditChain>();
                    output.WriteLine($"Sealed {await chain.SealAsync(ct)} entries.");
                    output.WriteLine(Describe(await chain.VerifyAsync(ct)));
                    return 0;
                case ["backup", var folder, ..]:
                    await Backup(services).BackupAsync(Path.GetFullPath(folder), ct);
                    return 0;
                case ["restore", var folder, ..]:
                    await Backup(services).RestoreAsync(Path.GetFullPath(folder), ct);
                    return 0;
                default:
                    return 64;
            }
        }
        catch (OperationFailedException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        DatabaseBackup Backup(IServiceProvider sp) => new(sp.GetRequiredService<ChanceryDbContext>(), app.Configuration, output);
    }

    /// <summary>The report as an operator reads it in a terminal or a log (English, like the rest of the logs).</summary>
    public static string Describe(ChainReport report)
    {
        var tip = $"last place {report.TipPosition}, hash {report.TipHash ?? "-"}; {report.Unsealed} entries not sealed yet";
        if (report.FirstBreak is not { } broken) return $"Audit chain intact: {report.Verified} entries verified; {tip}.";
        var what = broken.Kind == ChainBreakKind.Altered
            ? $"entry #{broken.EntryId} at place {broken.Position} does not match its hash (altered)"
            : $"no entry at place {broken.Position} (removed; the next entry found is #{broken.NextEntryId})";
        return $"Audit chain BROKEN at place {broken.Position}: {what}. {report.Verified} entries verified before it; {tip}.";
    }
}
