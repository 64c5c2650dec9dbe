using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using ClosedXML.Excel;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Lists;

/// <summary>Exports hold what the list shows: the list's filters (through the API and through the
/// list page's own export links), only what the reader's clearance allows, and CSV cells that a
/// spreadsheet would run as formulas arrive as text.</summary>
public abstract partial class ListExportTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Four French activities in 2026 (one confidential, one a call), one German and one French visit of 2024.
    private const string Csv = ActivityDataset.Header + ",leader_office_change\n" +
        "xf-visit,official_visit,2026-04-02,2026-04-04,completed,Prime Minister,Trần Xuất Khẩu,outgoing,FRA,,,Paris,xport visit to France,,,internal,,,extend\n" +
        "xf-secret,official_visit,2026-05-02,2026-05-03,completed,Prime Minister,Trần Xuất Khẩu,outgoing,FRA,,,Paris,xport confidential visit to France,,,confidential,,,extend\n" +
        "xf-call,phone_call,2026-06-01,2026-06-01,completed,Prime Minister,Trần Xuất Khẩu,,FRA,,,,xport call with France,,,internal,,,extend\n" +
        "xf-trip,working_visit,2026-07-01,2026-07-05,completed,Prime Minister,Trần Xuất Khẩu,outgoing,DEU;FRA,,,Berlin,xport trip to Germany and France,,,internal,,,extend\n" +
        "xd-visit,official_visit,2026-08-01,2026-08-02,completed,Prime Minister,Trần Xuất Khẩu,outgoing,DEU,,,Berlin,xport visit to Germany,,,internal,,,extend\n" +
        "xf-old,official_visit,2024-04-02,2024-04-04,completed,Prime Minister,Trần Xuất Khẩu,outgoing,FRA,,,Paris,xport old visit to France,,,internal,,,extend\n";

    private const string FranceVisits2026 = "partner=FRA&kind=official_visit&from=2026-01-01&to=2026-12-31";

    private static async Task<HttpClient> AdminWithDataAsync(AppFixture fixture)
    {
        var admin = await fixture.App.AdminClientAsync();
        var (response, outcome) = await ActivityDataset.ImportAsync(admin, Csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
        return admin;
    }

    /// <summary>The first column (the activity's id) of every data row of a CSV export.</summary>
    private static List<string> Ids(string csv) =>
        csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();

    [Fact]
    public async Task The_api_export_takes_the_lists_filters()
    {
        var admin = await AdminWithDataAsync(fixture);

        Ids(await admin.GetStringAsync($"/api/v1/activities/export?format=csv&{FranceVisits2026}", Ct)).ShouldBe(["xf-visit", "xf-secret"]);
        Ids(await admin.GetStringAsync("/api/v1/activities/export?partner=FRA&q=xport&from=2026-01-01", Ct))
            .ShouldBe(["xf-visit", "xf-secret", "xf-call", "xf-trip"]);
        // The list's order when one is asked for.
        Ids(await admin.GetStringAsync("/api/v1/activities/export?partner=FRA&q=xport&from=2026-01-01&sort=-date", Ct))
            .ShouldBe(["xf-trip", "xf-call", "xf-secret", "xf-visit"]);
    }

    [Fact]
    public async Task The_list_pages_export_links_carry_the_filters_shown()
    {
        var admin = await AdminWithDataAsync(fixture);
        var html = await PageAsync(admin, $"/activities?{FranceVisits2026}&leader=&channel=&page=1", Ct);

        var csvLink = ExportHref(html, "csv");
        csvLink.ShouldNotContain("page=");
        Ids(await admin.GetStringAsync(csvLink, Ct)).ShouldBe(["xf-visit", "xf-secret"]);

        using var xlsx = new XLWorkbook(new MemoryStream(await admin.GetByteArrayAsync(ExportHref(html, "xlsx"), Ct)));
        var sheet = xlsx.Worksheets.First();
        sheet.Cell(1, 1).GetString().ShouldBe("id");
        sheet.Cell(2, 1).GetString().ShouldBe("xf-visit");
        sheet.Cell(3, 1).GetString().ShouldBe("xf-secret");
        sheet.Cell(3, 3).GetString().ShouldBe("2026-05-02");
        sheet.Cell(4, 1).GetString().ShouldBe("");
    }

    [Fact]
    public async Task A_reader_gets_only_what_their_clearance_allows()
    {
        await AdminWithDataAsync(fixture);
        var viewer = await fixture.App.UserClientAsync("export-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        Ids(await viewer.GetStringAsync($"/api/v1/activities/export?{FranceVisits2026}", Ct)).ShouldBe(["xf-visit"]);
        using var xlsx = new XLWorkbook(new MemoryStream(await viewer.GetByteArrayAsync($"/api/v1/activities/export?format=xlsx&{FranceVisits2026}", Ct)));
        xlsx.Worksheets.First().Column(1).CellsUsed().Select(c => c.GetString()).ShouldBe(["id", "xf-visit"]);
    }

    [Fact]
    public async Task An_unknown_sort_is_refused_naming_the_parameter_and_the_allowed_values()
    {
        var admin = await fixture.App.AdminClientAsync();

        foreach (var url in new[] { "/api/v1/activities?sort=colour", "/api/v1/activities/export?sort=colour", "/api/v1/people?sort=-colour",
                     "/api/v1/partners?sort=colour", "/api/v1/partnerships/export?sort=colour" })
        {
            var response = await admin.GetAsync(url, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
            problem.GetProperty("errors").GetProperty("sort")[0].GetString().ShouldStartWith("Use one of: ", customMessage: url);
        }
        var body = await (await admin.GetAsync("/api/v1/activities?sort=colour", Ct)).Content.ReadAsStringAsync(Ct);
        body.ShouldContain("Use one of: date, -date, kind, -kind, title, -title, leader, -leader, status, -status, classification, -classification.");
    }

    [Fact]
    public async Task The_partner_lists_export_holds_only_the_events_of_the_partners_it_shows()
    {
        var admin = await fixture.App.AdminClientAsync();

        var all = await admin.GetStringAsync("/api/v1/partnerships/export", Ct);
        var asean = await admin.GetStringAsync("/api/v1/partnerships/export?asean=true", Ct);

        var partnersInAll = Ids(all).Distinct().ToList();
        var partnersInAsean = Ids(asean).Distinct().ToList();
        partnersInAll.ShouldContain("FRA");
        partnersInAsean.ShouldContain("IDN");
        partnersInAsean.ShouldNotContain("FRA");
        partnersInAsean.Count.ShouldBeLessThan(partnersInAll.Count);

        // And the list page's link carries the ticked box.
        var html = await PageAsync(admin, "/partners?asean=true", Ct);
        Ids(await admin.GetStringAsync(ExportHref(html, "csv"), Ct)).Distinct().ShouldBe(partnersInAsean);
    }

    [Fact]
    public async Task Formula_like_cells_leave_as_text_and_an_exported_file_imported_back_changes_nothing()
    {
        var admin = await fixture.App.AdminClientAsync();
        var csv = ActivityDataset.Header + ",leader_office_change\n" +
            "xformula,phone_call,2026-09-01,2026-09-01,completed,Prime Minister,Trần Xuất Khẩu,,FRA,,,@venue,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,,internal,+source,-note,extend\n";
        var (imported, outcome) = await ActivityDataset.ImportAsync(admin, csv);
        imported.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => p.Reason) ?? []));

        var export = await admin.GetStringAsync("/api/v1/activities/export?q=xformula", Ct);

        var row = export.Split('\n')[1].TrimEnd('\r');
        row.ShouldBe("xformula,phone_call,2026-09-01,2026-09-01,completed,Prime Minister,Trần Xuất Khẩu,none,FRA,,,'@venue,"
            + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,,internal,'+source,'-note,,"); // leader_office_change and title_en empty
        var (again, second) = await ActivityDataset.ImportAsync(admin, export.TrimStart('\uFEFF'));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (second!.Created, second.Updated, second.Unchanged).ShouldBe((0, 0, 1));
    }

    private static string ExportHref(string html, string format)
    {
        var match = Regex.Matches(html, "<a class=\"button export\" href=\"(?<href>[^\"]+)\"")
            .Select(m => m.Groups["href"].Value).SingleOrDefault(h => h.Contains("format=" + format));
        match.ShouldNotBeNull($"no {format} export link on the page");
        return match;
    }
}

public sealed class ListExportTestsOnSqlite(SqliteApp fixture) : ListExportTests(fixture), IClassFixture<SqliteApp>;

public sealed class ListExportTestsOnPostgres(PostgresApp fixture) : ListExportTests(fixture), IClassFixture<PostgresApp>;
