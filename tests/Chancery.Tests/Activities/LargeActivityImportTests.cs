using System.Net;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Audit;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Activities;

/// <summary>A file of thousands of rows goes through the bulk path (rows streamed, written in bulk, one
/// transaction): still all-or-nothing, still every bad row named, and what it stores reads back like
/// anything else (legs in order, search by a folded name, one audit entry per activity).</summary>
public abstract class LargeActivityImportTests(AppFixture fixture)
{
    private const int Rows = 3000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Row n (1-based) is on line n + 1. Every row is a good phone call unless <paramref name="bad"/> spoils it.</summary>
    private static string File(string prefix, Func<int, string?>? bad = null)
    {
        var csv = new StringBuilder(ActivityDataset.Header).Append('\n');
        for (var n = 1; n <= Rows; n++)
            csv.Append(bad?.Invoke(n) ?? $"{prefix}-{n},phone_call,2024-03-{1 + n % 28:00},,,Prime Minister,Người Thử {prefix},,JPN;KOR,,,,Call {n},,,,,").Append('\n');
        return csv.ToString();
    }

    [Fact]
    public async Task Bad_rows_anywhere_in_a_large_file_are_all_listed_and_nothing_is_stored()
    {
        var admin = await fixture.App.AdminClientAsync();
        var csv = File("lbad", n => n switch
        {
            10 => $"lbad-{n},phone_call,2024-02-30,,,Prime Minister,,,JPN,,,,,,,,,",      // line 11: no such date
            1500 => $"lbad-{n},phone_call,2024-03-01,,,Prime Minister,,,XXX,,,,,,,,,",   // line 1501: unknown country
            Rows => $"lbad-{n},phone_cal,2024-03-01,,,Prime Minister,,,JPN,,,,,,,,,",    // last line: unknown kind
            _ => null,
        });

        var (response, outcome) = await ActivityDataset.ImportAsync(admin, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        outcome!.Problems.Select(p => (p.Line, p.Column)).ShouldBe([(11, "date_start"), (1501, "countries_iso3"), (Rows + 1, "kind")]);
        var stored = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=lbad", Ct);
        stored!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_large_file_is_stored_whole_with_legs_search_text_and_audit_entries_and_a_second_import_changes_nothing()
    {
        var admin = await fixture.App.AdminClientAsync();
        var csv = File("lok");

        var (response, outcome) = await ActivityDataset.ImportAsync(admin, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        outcome!.Created.ShouldBe(Rows);
        // "Người Thử lok" folds to "nguoi thu lok": found without diacritics.
        var found = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=nguoi%20thu%20lok&pageSize=5&exactTotal=true", Ct);
        found!.Total.ShouldBe(Rows);
        await using (var scope = fixture.App.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
            var last = await db.Activities.IgnoreQueryFilters().Include(a => a.Legs).SingleAsync(a => a.ExternalRef == $"lok-{Rows}", Ct);
            last.Legs.OrderBy(l => l.Order).Select(l => l.CountryIso3).ShouldBe(["JPN", "KOR"]);
            last.Title.ShouldBe($"Call {Rows}");
            var key = last.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.EntityType == "Activity" && e.EntityKey == key, Ct);
            entry.Action.ShouldBe(AuditAction.Created);
            entry.Changes.ShouldContain("\"Countries\":{\"Before\":null,\"After\":\"JPN;KOR\"}");
            entry.Changes.ShouldContain($"\"ExternalRef\":{{\"Before\":null,\"After\":\"lok-{Rows}\"}}");
        }

        var (again, second) = await ActivityDataset.ImportAsync(admin, csv);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (second!.Created, second.Updated, second.Unchanged).ShouldBe((0, 0, Rows));
    }
}

public sealed class LargeActivityImportTestsOnSqlite(SqliteApp fixture) : LargeActivityImportTests(fixture), IClassFixture<SqliteApp>;

public sealed class LargeActivityImportTestsOnPostgres(PostgresApp fixture) : LargeActivityImportTests(fixture), IClassFixture<PostgresApp>;
