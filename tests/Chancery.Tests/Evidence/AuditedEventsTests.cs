using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Evidence;

/// <summary>What leaves no record change but must leave evidence: sign-ins (refused ones with the name
/// tried), sign-outs, password changes, exports (list, filters, rows) and calendar-feed reads, each
/// shown on the audit page in the reader's language.</summary>
public abstract class AuditedEventsTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<AuditEntry>> EntriesAsync(AuditAction action)
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        return await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_refused_sign_in_is_recorded_with_the_name_tried_and_shown_on_the_audit_page()
    {
        var tried = "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@example.test";
        var client = fixture.App.CreateClient();

        var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = tried, password = "Wrong-Password-1!" }, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var entry = (await EntriesAsync(AuditAction.SignInFailed)).Where(e => e.UserName == tried).ShouldHaveSingleItem();
        entry.UserName.ShouldBe(tried);
        entry.UserId.ShouldBeNull();
        entry.Changes.ShouldContain(tried);
        var browser = await PageForms.CookieClientAsync(fixture.App, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/audit?action=sign_in_failed", Ct));
        page.ShouldContain("Đăng nhập bị từ chối");
        page.ShouldContain("Tên đã thử");
        page.ShouldContain(tried);
    }

    [Fact]
    public async Task Signing_in_changing_the_password_and_signing_out_through_the_pages_are_recorded()
    {
        var email = "evidence." + Guid.NewGuid().ToString("N")[..6] + "@test.local";
        await fixture.App.CreateUserAsync(email, Roles.Viewer, ClassificationLevel.Internal);
        var signedInBefore = (await EntriesAsync(AuditAction.SignedIn)).Count(e => e.UserName == email);
        var browser = await PageForms.CookieClientAsync(fixture.App, email, ChanceryAppFactory.UserPassword, Ct);
        (await EntriesAsync(AuditAction.SignedIn)).Count(e => e.UserName == email).ShouldBe(signedInBefore + 1);

        var changed = await PageForms.PostAsync(browser, "/account", "change-password", new()
        {
            ["Input.CurrentPassword"] = ChanceryAppFactory.UserPassword,
            ["Input.NewPassword"] = "Quite-Different-Secret-2026!",
            ["Input.ConfirmPassword"] = "Quite-Different-Secret-2026!",
        }, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var userId = (await EntriesAsync(AuditAction.SignedIn)).Last(e => e.UserName == email).UserId;
        (await EntriesAsync(AuditAction.PasswordChanged)).ShouldContain(e => e.EntityKey == userId && e.UserName == email);

        var signedOut = await PageForms.PostToActionAsync(browser, "/account", "/account/logout", Ct);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EntriesAsync(AuditAction.SignedOut)).ShouldContain(e => e.EntityKey == userId && e.UserName == email);
    }

    [Fact]
    public async Task An_export_is_recorded_with_its_list_filters_and_rows_at_the_exporters_clearance()
    {
        var email = "exporter." + Guid.NewGuid().ToString("N")[..6] + "@test.local";
        var viewer = await fixture.App.UserClientAsync(email, Roles.Viewer, ClassificationLevel.Internal);

        var response = await viewer.GetAsync("/api/v1/partnerships/export?format=csv&level=strategic", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync(Ct)), CultureInfo.InvariantCulture);
        var rows = 0;
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync()) rows++;
        // Written once the last row is sent, which the client may read a moment before.
        var exported = new List<AuditEntry>();
        for (var i = 0; i < 50 && exported.Count == 0; i++, await Task.Delay(100, Ct))
            exported = (await EntriesAsync(AuditAction.Exported)).Where(e => e.UserName == email).ToList();
        var entry = exported.ShouldHaveSingleItem();
        entry.EntityType.ShouldBe("Export");
        entry.EntityKey.ShouldBe("partnerships");
        entry.Classification.ShouldBe(ClassificationLevel.Internal);
        var changes = AuditChanges.Parse(entry.Changes).ToDictionary(c => c.Property, c => c.After);
        changes["Rows"].ShouldBe(rows.ToString(CultureInfo.InvariantCulture));
        changes["Filters"].ShouldBe("level=strategic");
        changes["Format"].ShouldBe("csv");
        changes["Completed"].ShouldBe("true");
    }

    [Fact]
    public async Task A_calendar_feed_read_is_recorded_for_the_tokens_owner()
    {
        var email = "feed." + Guid.NewGuid().ToString("N")[..6] + "@test.local";
        var viewer = await fixture.App.UserClientAsync(email, Roles.Viewer, ClassificationLevel.Internal);
        var address = await (await viewer.PostAsync("/api/v1/calendar/token", null, Ct)).Content.ReadFromJsonAsync<Dictionary<string, string>>(Ct);

        var feed = await fixture.App.CreateClient().GetAsync(new Uri(address!["url"]).PathAndQuery, Ct);

        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await EntriesAsync(AuditAction.FeedRead)).Where(e => e.UserName == email).ShouldHaveSingleItem();
        entry.EntityKey.ShouldBe(entry.UserId);
        entry.Classification.ShouldBe(ClassificationLevel.Internal);
    }
}

public sealed class AuditedEventsTestsOnSqlite(SqliteApp fixture) : AuditedEventsTests(fixture), IClassFixture<SqliteApp>;

public sealed class AuditedEventsTestsOnPostgres(PostgresApp fixture) : AuditedEventsTests(fixture), IClassFixture<PostgresApp>;
