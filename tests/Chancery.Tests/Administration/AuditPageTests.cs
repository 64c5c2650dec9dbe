using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.People;
using CsvHelper;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Administration;

/// <summary>The audit page as an administrator reads it: records named as their pages name them, fields
/// labelled in the page's language, filters carried in the address, the export of what is filtered, and
/// nothing said about a record above the reader's clearance.</summary>
public abstract partial class AuditPageTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_edited_activity_and_person_are_named_with_their_fields_labelled_in_Vietnamese_and_English()
    {
        var admin = await fixture.App.AdminClientAsync();
        var (response, _) = await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "audit-named,working_visit,2025-04-01,2025-04-02,completed,Deputy Prime Minister,Hoàng Thị Kiểm Tra,outgoing,LAO,,,Vientiane,Audit visit to Laos,,,,,\n");
        response.IsSuccessStatusCode.ShouldBeTrue();
        var activityId = await IdOfAsync(admin, "audit-named");
        var detail = (await admin.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{activityId}", Ct))!;
        var person = (await admin.GetFromJsonAsync<ListResult<PersonListItem>>("/api/v1/people?q=hoang%20thi%20kiem%20tra", Ct))!.Items.Single();

        (await admin.PutAsJsonAsync($"/api/v1/activities/{activityId}", Input(detail) with { Title = "Audit visit to Laos and Cambodia" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/offices", new PersonOfficeInput(null, "Special Envoy", new DateOnly(2025, 6, 1), null), Ct))
            .IsSuccessStatusCode.ShouldBeTrue();

        foreach (var (culture, title, office, from) in new[] { ("vi", "Tiêu đề", "Chức vụ", "Từ ngày"), ("en", "Title", "Office", "From") })
        {
            var activityPage = await PageAsync(admin, $"/audit?entityType=Activity&entityKey={activityId}&action=updated&culture={culture}", Ct);
            var entry = Entry(activityPage, "Activity", activityId.ToString(CultureInfo.InvariantCulture));
            entry.ShouldContain($"<a class=\"audit-name\" href=\"/activities/{activityId}\">Audit visit to Laos and Cambodia</a>");
            Cells(entry, "Title").ShouldBe([title, "Audit visit to Laos", "Audit visit to Laos and Cambodia"]);

            var personPage = await PageAsync(admin, $"/audit?entityType=PersonOffice&culture={culture}", Ct);
            var office_ = Entries(personPage).Single(e => e.Contains("Special Envoy") && e.Contains($"href=\"/people/{person.Id}\""));
            office_.ShouldContain($"<a class=\"audit-name\" href=\"/people/{person.Id}\">Hoàng Thị Kiểm Tra</a>");
            Cells(office_, "Title").ShouldBe([office, "—", "Special Envoy"]);
            Cells(office_, "From")[0].ShouldBe(from);
            Cells(office_, "From")[2].ShouldBe(culture == "vi" ? "01/06/2025" : "1 Jun 2025");
            activityPage.ShouldNotContain($"Activity #{activityId}");
        }
    }

    [Fact]
    public async Task The_user_record_type_and_date_filters_in_the_address_select_the_entries_shown()
    {
        var (alice, aliceId) = await EditorAsync("audit-alice@test.local");
        var (_, bobId) = await EditorAsync("audit-bob@test.local");
        var bob = await fixture.App.ClientForAsync("audit-bob@test.local", ChanceryAppFactory.UserPassword);
        await CreateAsync(alice, "Filter visit by Alice");
        await CreateAsync(bob, "Filter visit by Bob");
        var admin = await fixture.App.AdminClientAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Chancery.Web.Common.Time.SectorDay.Zone).DateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var byAlice = await PageAsync(admin, $"/audit?user={aliceId}&culture=en", Ct);
        byAlice.ShouldContain("Filter visit by Alice");
        byAlice.ShouldNotContain("Filter visit by Bob");
        byAlice.ShouldContain($"<option value=\"{aliceId}\" selected");
        (await PageAsync(admin, $"/audit?user={bobId}&culture=en", Ct)).ShouldNotContain("Filter visit by Alice");

        var activitiesOnly = await PageAsync(admin, $"/audit?entityType=Activity&user={aliceId}&culture=en", Ct);
        Types(activitiesOnly).ShouldBe(["Activity"]);
        var legsOnly = await PageAsync(admin, $"/audit?entityType=ActivityLeg&user={aliceId}&culture=en", Ct);
        Types(legsOnly).ShouldBe(["ActivityLeg"]);

        (await PageAsync(admin, $"/audit?user={aliceId}&from={Day(-1)}&to={Day(1)}&culture=en", Ct)).ShouldContain("Filter visit by Alice");
        (await PageAsync(admin, $"/audit?user={aliceId}&from={Day(1)}&culture=en", Ct)).ShouldNotContain("Filter visit by Alice");
        (await PageAsync(admin, $"/audit?user={aliceId}&to={Day(-1)}&culture=en", Ct)).ShouldNotContain("Filter visit by Alice");
        (await PageAsync(admin, $"/audit?user={aliceId}&action=deleted&culture=en", Ct)).ShouldNotContain("Filter visit by Alice");
    }

    [Fact]
    public async Task The_export_holds_the_filtered_entries_only_with_readable_headers_and_no_formula()
    {
        var (carol, carolId) = await EditorAsync("audit-carol@test.local");
        var (dave, _) = await EditorAsync("audit-dave@test.local");
        const string formula = "=HYPERLINK(\"http://example.invalid\",\"open\")";
        var carolsId = await CreateAsync(carol, formula);
        await CreateAsync(dave, "Export visit by Dave");
        var admin = await fixture.App.AdminClientAsync();

        var response = await admin.GetAsync($"/api/v1/audit/export?format=csv&entityType=Activity&user={carolId}&culture=en", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = ReadCsv(await response.Content.ReadAsStringAsync(Ct));
        rows[0].ShouldBe(["When", "User", "Action", "Type", "Record", "Code", "Changes", "Classification"]);
        var entries = rows.Skip(1).ToList();
        var entry = entries.ShouldHaveSingleItem(); // Carol's one activity: Dave's is filtered out
        entry[1].ShouldBe("audit-carol@test.local");
        entry[2].ShouldBe("Created");
        entry[4].ShouldBe("'" + formula); // shown as text, never run as a formula
        entry[5].ShouldBe(carolsId.ToString(CultureInfo.InvariantCulture));
        entry[6].ShouldContain("Title: — → " + formula);
        rows.SelectMany(r => r).ShouldAllBe(cell => cell.Length == 0 || "=+-@".IndexOf(cell[0]) < 0);

        var vietnamese = ReadCsv(await admin.GetStringAsync($"/api/v1/audit/export?format=csv&entityType=Activity&user={carolId}", Ct));
        vietnamese[0].ShouldBe(["Thời điểm", "Người dùng", "Thao tác", "Loại", "Bản ghi", "Mã", "Thay đổi", "Độ mật"]);
        var xlsx = await admin.GetAsync($"/api/v1/audit/export?format=xlsx&entityType=Activity&user={carolId}&culture=en", Ct);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync(Ct));
        book.Worksheet(1).LastRowUsed()!.RowNumber().ShouldBe(2);
        (await admin.GetAsync("/api/v1/audit/export?format=pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_administrator_with_internal_clearance_sees_no_entry_about_a_secret_record_and_no_name_of_one()
    {
        var admin = await fixture.App.AdminClientAsync();
        // Created internal (its first entry is internal), then raised to secret under a new title.
        var raised = await CreateAsync(admin, "Raised activity, internal at first");
        var detail = (await admin.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{raised}", Ct))!;
        (await admin.PutAsJsonAsync($"/api/v1/activities/{raised}",
            Input(detail) with { Title = "Secret summit title", Classification = "secret" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // An internal activity held during it: its entry points at the secret one.
        var part = await CreateAsync(admin, "Internal meeting during it", partOf: raised);
        var reader = await fixture.App.UserClientAsync("audit-internal-admin@test.local", Roles.Administrator, ClassificationLevel.Internal);

        var all = await PageAsync(reader, "/audit?entityType=Activity&culture=en", Ct);
        var first = await PageAsync(reader, $"/audit?entityType=Activity&entityKey={raised}&culture=en", Ct);
        var pointing = await PageAsync(reader, $"/audit?entityType=Activity&entityKey={part}&culture=en", Ct);

        all.ShouldNotContain("Secret summit title");
        first.ShouldNotContain("Secret summit title");
        Entries(first).ShouldHaveSingleItem().ShouldContain("data-action=\"created\""); // the secret update is not listed
        first.ShouldNotContain($"href=\"/activities/{raised}\"");
        // The internal meeting's own entry is listed, but the secret parent is not named, not even by number.
        Cells(Entries(pointing).ShouldHaveSingleItem(), "PartOfId")[2].ShouldBe("(a record not shown)");
        pointing.ShouldNotContain($"href=\"/activities/{raised}\"");
        var export = await reader.GetStringAsync("/api/v1/audit/export?format=csv&entityType=Activity&culture=en", Ct);
        export.ShouldNotContain("Secret summit title");
        // The same pages name it for a reader who may see it.
        (await PageAsync(admin, $"/audit?entityType=Activity&entityKey={part}&culture=en", Ct)).ShouldContain($"<a href=\"/activities/{raised}\">Secret summit title</a>");
    }

    private async Task<(HttpClient Client, string Id)> EditorAsync(string email)
    {
        var client = await fixture.App.UserClientAsync(email, Roles.Officer, ClassificationLevel.Internal);
        var admin = await fixture.App.AdminClientAsync();
        var users = await admin.GetFromJsonAsync<ListResult<Chancery.Web.Accounts.UserItem>>("/api/v1/users?pageSize=200", Ct);
        return (client, users!.Items.Single(u => u.Email == email).Id);
    }

    private static async Task<int> CreateAsync(HttpClient client, string title, int? partOf = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/activities", new ActivityInput(
            null, "bilateral_meeting", null, null, new DateOnly(2025, 9, 9), null, title, "Hanoi", null, null, null, null, null, partOf, null,
            null, null, null, null, "internal", [new ActivityLegInput("JPN", null, null, null)], null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!.Id;
    }

    private static ActivityInput Input(ActivityDetail d) => new(
        d.ExternalRef, d.Kind, d.Direction, d.Status, d.DateStart, d.DateEnd, d.Title, d.HostOrVenue, d.Channel, d.LeadPersonId, d.LeaderRoleText,
        d.CounterpartPersonId, d.CounterpartRoleText, d.PartOfId, d.OwnerUnitId, d.Outcomes, d.Themes, d.Sources, d.Notes, d.Classification,
        d.Legs.Select(l => new ActivityLegInput(l.CountryIso3, l.City, l.DateStart, l.DateEnd)).ToList(), d.Version);

    /// <summary>Each entry's card on the page.</summary>
    private static List<string> Entries(string html) =>
        EntryCard().Matches(html).Select(m => m.Value).ToList();

    private static string Entry(string html, string type, string key) =>
        Entries(html).Single(e => e.Contains($"data-type=\"{type}\" data-key=\"{key}\""));

    /// <summary>The record types of the entries listed.</summary>
    private static List<string> Types(string html) =>
        [.. EntryType().Matches(html).Select(m => m.Groups[1].Value).Distinct()];

    /// <summary>A change row's label, value before and value after, as text.</summary>
    private static string[] Cells(string entry, string field)
    {
        var row = Between(entry, $"<tr data-field=\"{field}\">", "</tr>");
        return [.. RowCell().Matches(row).Select(m => Tag().Replace(m.Groups[1].Value, "").Trim())];
    }

    private static List<string[]> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Parser.Record!);
        return rows;
    }

    [GeneratedRegex("<li class=\"audit-entry\".*?</li>", RegexOptions.Singleline)]
    private static partial Regex EntryCard();

    [GeneratedRegex("<li class=\"audit-entry\"[^>]*data-type=\"([^\"]+)\"")]
    private static partial Regex EntryType();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex RowCell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}

public sealed class AuditPageTestsOnSqlite(SqliteApp fixture) : AuditPageTests(fixture), IClassFixture<SqliteApp>;

public sealed class AuditPageTestsOnPostgres(PostgresApp fixture) : AuditPageTests(fixture), IClassFixture<PostgresApp>;
