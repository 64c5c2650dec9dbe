using System.Diagnostics;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Lists;

/// <summary>An export of 200,000 activities (50,000 as XLSX) is written while it is read: the process's managed memory
/// stays far below what holding the rows (or the file) would take. A database of its own, filled with
/// one SQL statement; SQLite only.</summary>
[Collection(MemoryMeasurements.Name)]
public sealed class LargeExportTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private const int Rows = 200_000;
    private const long Megabyte = 1024 * 1024;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_large_export_holds_a_bounded_amount_of_memory(string format)
    {
        var admin = await fixture.App.AdminClientAsync();
        await FillAsync();
        // Once small, so that what is measured is the export, not the first request's start-up.
        (await admin.GetByteArrayAsync($"/api/v1/activities/export?format={format}&q=zzwarm", Ct)).Length.ShouldBeGreaterThan(0);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        var clock = Stopwatch.StartNew();
        // The XLSX writer is slower per row: a quarter of the rows (one of the four days) make the point as well.
        var query = format == "csv" ? "" : "&from=2040-01-01&to=2040-01-01";
        using var response = await admin.GetAsync($"/api/v1/activities/export?format={format}{query}", HttpCompletionOption.ResponseHeadersRead, Ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var buffer = new byte[81920];
        long read = 0, nextSample = 0, lines = 0;
        int n;
        while ((n = await body.ReadAsync(buffer, Ct)) > 0)
        {
            read += n;
            if (format == "csv") lines += buffer.AsSpan(0, n).Count((byte)'\n');
            if (read < nextSample) continue;
            nextSample = read + 4 * Megabyte;
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
        }
        var growth = (peak - before) / Megabyte;
        TestContext.Current.TestOutputHelper?.WriteLine($"{format}: {read / Megabyte} MB in {clock.Elapsed.TotalSeconds:0.0} s, managed memory grew by at most {growth} MB");

        if (format == "csv")
        {
            lines.ShouldBe(Rows + 1);
            read.ShouldBeGreaterThan(30 * Megabyte);
        }
        else read.ShouldBeGreaterThan(5 * Megabyte);
        // Holding the rows would take hundreds of megabytes (and the file alone is over 30 MB as CSV).
        growth.ShouldBeLessThan(24);
    }

    private async Task FillAsync()
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        if (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM activities WHERE ExternalRef LIKE 'big-%'").SingleAsync(Ct) > 0) return;
        await db.Database.ExecuteSqlRawAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows})
            INSERT INTO activities (ExternalRef, Kind, Direction, Status, DateStart, DateEnd, Title, HostOrVenue, LeaderRoleText,
                                    Classification, Version, SearchText, Themes, Notes)
            SELECT 'big-' || i, 'PhoneCall', 'None', 'Completed', date('2040-01-01', '+' || (i % 4) || ' days'), date('2040-01-01', '+' || (i % 4) || ' days'), 'Generated call number ' || i, 'Hà Nội',
                   'Prime Minister', 1, 1, 'big ' || i, '', 'A note of a realistic length about generated call number ' || i
            FROM n
            """, Ct);
    }
}
