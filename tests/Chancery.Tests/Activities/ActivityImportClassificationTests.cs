using System.Net;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Activities;

/// <summary>An import obeys the classification rules of every write (WriteGuard): a row that leaves the
/// level out keeps the stored activity's, and a row above the importer's clearance is refused as a
/// problem on that row, worded in the caller's language, with nothing stored.</summary>
public abstract class ActivityImportClassificationTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>activities.csv without its classification column.</summary>
    private const string HeaderWithoutLevel = "id,kind,date_start,date_end,status,leader_role,leader_name,direction,countries_iso3,counterpart_name,counterpart_role,host_or_venue,title,part_of,channel,source,notes";

    [Fact]
    public async Task A_reimported_row_without_the_classification_column_keeps_a_secret_activity_secret()
    {
        var admin = await fixture.App.AdminClientAsync();
        var (first, _) = await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "cls-keep,phone_call,2024-05-02,,,Prime Minister,,,JPN,,,,Secret call,,,secret,,\n");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same row again, then with a corrected title: neither names a level.
        var (same, unchanged) = await ActivityDataset.ImportAsync(admin, HeaderWithoutLevel + "\n" +
            "cls-keep,phone_call,2024-05-02,,,Prime Minister,,,JPN,,,,Secret call,,,,\n");
        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        (unchanged!.Created, unchanged.Updated, unchanged.Unchanged).ShouldBe((0, 0, 1));
        var (corrected, updated) = await ActivityDataset.ImportAsync(admin, HeaderWithoutLevel + "\n" +
            "cls-keep,phone_call,2024-05-02,,,Prime Minister,,,JPN,,,,Secret call (corrected),,,,\n");
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK);
        updated!.Updated.ShouldBe(1);
        updated.Rows.Single().Changes.Select(c => c.Field).ShouldBe(["title"]);

        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var stored = await db.Activities.IgnoreQueryFilters().SingleAsync(a => a.ExternalRef == "cls-keep", Ct);
        stored.Classification.ShouldBe(ClassificationLevel.Secret);
        stored.Title.ShouldBe("Secret call (corrected)");
        stored.Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_row_above_the_importers_clearance_is_refused_on_that_row_in_the_callers_language()
    {
        var editor = await fixture.App.UserClientAsync("clh-editor@chancery.local", Roles.Officer, ClassificationLevel.Confidential);
        var csv = ActivityDataset.Header + "\n" +
            "clh-ok,phone_call,2024-05-03,,,Prime Minister,,,JPN,,,,Call within clearance,,,confidential,,\n" +
            "clh-high,phone_call,2024-05-04,,,Prime Minister,,,JPN,,,,Call above clearance,,,secret,,\n";

        var (response, outcome) = await ActivityDataset.ImportAsync(editor, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = outcome!.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Column, problem.Code).ShouldBe((3, "classification", "AboveClearance"));
        problem.Reason.ShouldBe("You cannot store a record above your own clearance.");

        using var vietnamese = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities/import") { Content = vietnamese };
        request.Headers.AcceptLanguage.ParseAdd("vi");
        var inVietnamese = await (await editor.SendAsync(request, Ct)).Content.ReadFromJsonAsync<ImportOutcome>(Ct);
        inVietnamese!.Problems.ShouldHaveSingleItem().Reason.ShouldBe("Không thể lưu hồ sơ ở mức mật cao hơn mức bạn được phép.");

        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        (await db.Activities.IgnoreQueryFilters().CountAsync(a => a.ExternalRef.StartsWith("clh-"), Ct)).ShouldBe(0);
    }
}

public sealed class ActivityImportClassificationTestsOnSqlite(SqliteApp fixture) : ActivityImportClassificationTests(fixture), IClassFixture<SqliteApp>;

public sealed class ActivityImportClassificationTestsOnPostgres(PostgresApp fixture) : ActivityImportClassificationTests(fixture), IClassFixture<PostgresApp>;
