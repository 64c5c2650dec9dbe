using System.Diagnostics;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Common;

/// <summary>Redocly's recommended rules over the running app's OpenAPI document: no error. Needs the
/// linter from npm (<c>npm ci --prefix tools/api-lint</c>, which CI runs); skips, saying so, without it.</summary>
public sealed class OpenApiLintTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_passes_Redocly_recommended_rules_without_an_error()
    {
        var tool = Path.Combine(RepositoryRoot(), "tools", "api-lint");
        var redocly = Path.Combine(tool, "node_modules", ".bin", "redocly");
        if (!File.Exists(redocly))
        {
            const string reason = "OpenAPI lint skipped: run `npm ci --prefix tools/api-lint` (CI does) to install Redocly CLI.";
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(reason);
            Assert.Skip(reason);
        }
        var file = Path.Combine(Path.GetTempPath(), $"chancery-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json", Ct), Ct);

        var start = new ProcessStartInfo(redocly, ["lint", file, "--config", Path.Combine(tool, "redocly.yaml"), "--format", "stylish"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tool,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        File.Delete(file);

        process.ExitCode.ShouldBe(0, output);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Chancery.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Chancery.slnx) was not found above the test binaries.");
    }
}
