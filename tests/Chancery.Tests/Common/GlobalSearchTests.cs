using Chancery.Web.Common.Security;
using System.Net.Http.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Search;

namespace Chancery.Tests.Common;

/// <summary>The header search box reaches every module's records, typed without diacritics.</summary>
public abstract class GlobalSearchTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_leader_typed_without_diacritics_is_found_with_the_activities_they_led()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);

        var people = await admin.GetFromJsonAsync<ListResult<SearchHit>>("/api/v1/search?q=luong%20cuong", Ct);
        var trip = await admin.GetFromJsonAsync<ListResult<SearchHit>>("/api/v1/search?q=second%20visit%20to%20france", Ct);

        people!.Items.ShouldContain(h => h.Title == "Lương Cường" && h.Url.StartsWith("/people/"));
        trip!.Items.ShouldContain(h => h.Title == "Second visit to France" && h.Url.StartsWith("/activities/"));
    }

    [Fact]
    public async Task The_search_box_does_not_reveal_an_activity_above_the_readers_clearance()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        var viewer = await fixture.App.UserClientAsync("search-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        // The dataset's one confidential record is the visit to India.
        var seenByAdmin = await admin.GetFromJsonAsync<ListResult<SearchHit>>("/api/v1/search?q=visit%20to%20india", Ct);
        var seenByViewer = await viewer.GetFromJsonAsync<ListResult<SearchHit>>("/api/v1/search?q=visit%20to%20india", Ct);

        seenByAdmin!.Items.ShouldContain(h => h.Url.StartsWith("/activities/"));
        seenByViewer!.Items.ShouldBeEmpty();
    }
}

public sealed class GlobalSearchTestsOnSqlite(SqliteApp fixture) : GlobalSearchTests(fixture), IClassFixture<SqliteApp>;

public sealed class GlobalSearchTestsOnPostgres(PostgresApp fixture) : GlobalSearchTests(fixture), IClassFixture<PostgresApp>;
