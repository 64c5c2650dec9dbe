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

/// <summary>A file of thousands of rows goes through the bulk path (read, checked and written in batches,
/// of 1,000 rows in the tests, one transaction): still all-or-nothing even when a problem comes after batches were
/// written, still every bad row named, links between rows of different batches, and what it stores
/// reads back like anything else (legs in order, search by a folded name, one audit entry per activity).</summary>
public abstract class LargeActivityImportTests(AppFixture fixture)
{
    // Three batches of 1,000 (ChanceryAppFactory sets Import:BatchRows).
    private const int Rows = 3000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Row n (1-based) is on line n + 1. Every row is a good phone call unless <paramref name="bad"/> spoils it.</summary>
    private static string File(string prefix, Func<int, string?>? bad = null, Func<int, int?>? partOf = null, Func<int, string>? title = null)
    {
        var csv = new StringBuilder(ActivityDataset.Header).Append('\n');
        for (var n = 1; n <= Rows; n++)
        {
            var parent = partOf?.Invoke(n) is { } p ? $"{prefix}-{p}" : "";
            csv.Append(bad?.Invoke(n) ?? $"{prefix}-{n},phone_call,2024-03-{1 + n % 28:00},,,Prime Minister,Người Thử {prefix},,JPN;KOR,,,,{title?.Invoke(n) ?? $"Call {n}"},{parent},,,,")
                .Append('\n');
        }
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
        outcome.Problems.Select(p => p.Code).ShouldBe(["NotIsoDate", "UnknownCountry", "NotOneOf"]);
        outcome.Problems[1].Reason.ShouldBe("Unknown country code 'XXX'.");
        var stored = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=lbad", Ct);
        stored!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_large_file_is_stored_whole_with_legs_search_text_and_audit_entries_and_a_second_import_changes_nothing()
    {
        var admin = await fixture.App.AdminClientAsync();
        // Row 2 is part of row 2,999 (two batches further down), row 2,998 part of row 1 (two batches back).
        int? PartOf(int n) => n switch { 2 => 2999, 2998 => 1, _ => null };
        var csv = File("lok", partOf: PartOf);

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
            entry.Changes.ShouldContain("\"Countries\":{\"After\":\"JPN;KOR\"}");
            entry.Changes.ShouldContain($"\"ExternalRef\":{{\"After\":\"lok-{Rows}\"}}");

            var byRef = await db.Activities.IgnoreQueryFilters().Where(a => new[] { "lok-1", "lok-2", "lok-2998", "lok-2999" }.Contains(a.ExternalRef))
                .ToDictionaryAsync(a => a.ExternalRef, Ct);
            byRef["lok-2"].PartOfId.ShouldBe(byRef["lok-2999"].Id);
            byRef["lok-2998"].PartOfId.ShouldBe(byRef["lok-1"].Id);
            // The audit entry of the row written before its parent already names the parent's key.
            var childKey = byRef["lok-2"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var childEntry = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.EntityType == "Activity" && e.EntityKey == childKey, Ct);
            childEntry.Changes.ShouldContain($"\"PartOfId\":{{\"After\":{byRef["lok-2999"].Id}}}");
        }

        var (again, second) = await ActivityDataset.ImportAsync(admin, csv);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (second!.Created, second.Updated, second.Unchanged).ShouldBe((0, 0, Rows));

        // A corrected title in the second batch updates that one activity.
        var corrected = File("lok", partOf: PartOf, title: n => n == 1700 ? "Call 1700 corrected" : $"Call {n}");
        var (third, update) = await ActivityDataset.ImportAsync(admin, corrected);

        third.StatusCode.ShouldBe(HttpStatusCode.OK);
        (update!.Created, update.Updated, update.Unchanged).ShouldBe((0, 1, Rows - 1));
        var found1700 = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=corrected", Ct);
        found1700!.Items.Select(i => i.Title).ShouldBe(["Call 1700 corrected"]);
    }

    [Fact]
    public async Task A_problem_after_batches_were_written_rolls_all_of_them_back()
    {
        var admin = await fixture.App.AdminClientAsync();
        // Batches 1 and 2 are good (and written); row 2,500 names a parent that never comes.
        var csv = File("lroll", partOf: n => n == 2500 ? 99_999 : null);

        var (response, outcome) = await ActivityDataset.ImportAsync(admin, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        outcome!.Problems.Select(p => (p.Line, p.Column)).ShouldBe([(2501, "part_of")], string.Join("; ", outcome.Problems.Select(p => p.Reason)));
        // Straight from the database, not through search: no activity, leg, person or audit entry is left.
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        (await db.Activities.IgnoreQueryFilters().CountAsync(a => a.ExternalRef.StartsWith("lroll-"), Ct)).ShouldBe(0);
        (await db.People.CountAsync(p => p.FullName == "Người Thử lroll", Ct)).ShouldBe(0);
        (await db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Changes.Contains("lroll-"), Ct)).ShouldBe(0);
    }
}

public sealed class LargeActivityImportTestsOnSqlite(SqliteApp fixture) : LargeActivityImportTests(fixture), IClassFixture<SqliteApp>;

public sealed class LargeActivityImportTestsOnPostgres(PostgresApp fixture) : LargeActivityImportTests(fixture), IClassFixture<PostgresApp>;
