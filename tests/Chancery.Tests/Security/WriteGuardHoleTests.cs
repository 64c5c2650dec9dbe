using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Security;
using Chancery.Web.Partners.Editing;
using Chancery.Web.People;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Security;

/// <summary>The write guard's holes found after the matrix (docs/security.md, "Write guard and two-factor
/// limits"): a country whose record is classified above the writer is, to every writer and import, a code
/// that does not exist (same field, same words); a framework event in the bin is out of a re-import's reach.
/// Each hidden case is compared with its visible twin (an unknown code, a hidden record) through the
/// user's own door: the API, the page form, the import.</summary>
public abstract class WriteGuardHoleTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A country only a secret reader knows (made here; no other test names it) and a code nobody has.
    private const string Hidden = "XQS", Unknown = "XQU";
    private const string Editor = "wg-editor@test.local";

    private async Task<HttpClient> AdminWithHiddenCountryAsync()
    {
        var admin = await fixture.App.AdminClientAsync();
        var made = await admin.PostAsJsonAsync("/api/v1/partners", new PartnerInput
        {
            Code = Hidden, Kind = "country", NameVi = "Nước Canarysecret", NameEn = "Canarysecret", Classification = "secret",
        }, Ct);
        made.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.BadRequest); // made by the first test to ask
        (await admin.GetAsync($"/api/v1/partners/{Hidden}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return admin;
    }

    private Task<HttpClient> EditorAsync() => fixture.App.UserClientAsync(Editor, Roles.Officer, ClassificationLevel.Internal);

    /// <summary>A refusal's body without its trace id, the hidden code written as the unknown one.</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response, string code)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        var body = Regex.Replace(await response.Content.ReadAsStringAsync(Ct), "\"traceId\":\"[^\"]*\"", "");
        return body.Replace(code, Unknown, StringComparison.Ordinal);
    }

    private static ActivityInput Trip(string title, string country) => new(null, "official_visit", "outgoing", null, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2),
        title, null, null, null, null, null, null, null, null, null, null, null, null, "internal", [new ActivityLegInput(country, "Canarytown", null, null)], null);

    [Fact]
    public async Task The_activity_API_refuses_a_hidden_country_exactly_as_an_unknown_code()
    {
        var admin = await AdminWithHiddenCountryAsync();
        // The canary: someone cleared for the country may name it.
        (await admin.PostAsJsonAsync("/api/v1/activities", Trip("wg trip cleared", Hidden), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var editor = await EditorAsync();

        var hidden = await RefusalAsync(await editor.PostAsJsonAsync("/api/v1/activities", Trip("wg trip hidden", Hidden), Ct), Hidden);
        var unknown = await RefusalAsync(await editor.PostAsJsonAsync("/api/v1/activities", Trip("wg trip hidden", Unknown), Ct), Unknown);

        hidden.ShouldBe(unknown);
        hidden.ShouldContain("legs[0].countryIso3");
        (await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=wg%20trip%20hidden", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_activity_page_form_refuses_a_hidden_country_beside_its_leg_as_an_unknown_code()
    {
        var admin = await AdminWithHiddenCountryAsync();
        await fixture.App.CreateUserAsync(Editor, Roles.Officer, ClassificationLevel.Internal);
        var browser = await PageForms.CookieClientAsync(fixture.App, Editor, ChanceryAppFactory.UserPassword, Ct);

        async Task<string> PostAsync(string country)
        {
            var response = await browser.PostAsync("/activities/new", Form(Token(await PageAsync(browser, "/activities/new", Ct)), new()
            {
                ["Input.Kind"] = "working_visit", ["Input.Status"] = "completed", ["Input.DateStart"] = "2026-04-01", ["Input.DateEnd"] = "2026-04-02",
                ["Input.Title"] = "wg form trip", ["Input.Classification"] = "internal", ["Input.Legs[0].CountryIso3"] = country,
            }), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return Between(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), "name=\"Input.Legs[0].CountryIso3\"", "</tr>");
        }

        var hidden = await PostAsync(Hidden);
        hidden.ShouldContain($"Không có mã quốc gia '{Hidden}'.");
        hidden.ShouldNotContain("Canarysecret");
        (await PostAsync(Unknown)).ShouldContain($"Không có mã quốc gia '{Unknown}'.");
        (await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=wg%20form%20trip", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_activity_import_refuses_a_hidden_country_on_its_row_and_column_as_an_unknown_code()
    {
        var admin = await AdminWithHiddenCountryAsync();
        var editor = await EditorAsync();

        async Task<ImportProblem> DryRunAsync(HttpClient client, string country)
        {
            using var content = new StringContent(ActivityDataset.Header + "\n" +
                $"wg-imp-{country},bilateral_meeting,2026-04-03,,,Prime Minister,,,{country},,,,wg imported meeting,,,internal,,\n", Encoding.UTF8, "text/csv");
            var outcome = await (await client.PostAsync("/api/v1/activities/import?dryRun=true", content, Ct)).Content.ReadFromJsonAsync<ImportOutcome>(Ct);
            return outcome!.Problems.ShouldHaveSingleItem();
        }

        var hidden = await DryRunAsync(editor, Hidden);
        var unknown = await DryRunAsync(editor, Unknown);
        (hidden.Line, hidden.Column, hidden.Code).ShouldBe((unknown.Line, unknown.Column, unknown.Code));
        hidden.Column.ShouldBe("countries_iso3");
        hidden.Reason.Replace(Hidden, Unknown, StringComparison.Ordinal).ShouldBe(unknown.Reason);
        // The canary: the administrator's same file has no problem with the country.
        using var cleared = new StringContent(ActivityDataset.Header + "\n" +
            $"wg-imp-ok,bilateral_meeting,2026-04-03,,,Prime Minister,,,{Hidden},,,,wg imported meeting,,,internal,,\n", Encoding.UTF8, "text/csv");
        (await admin.PostAsync("/api/v1/activities/import?dryRun=true", cleared, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_person_on_the_API_and_the_page_cannot_take_a_hidden_country_and_hears_what_an_unknown_code_hears()
    {
        var admin = await AdminWithHiddenCountryAsync();
        (await admin.PostAsJsonAsync("/api/v1/people", new PersonInput("Wg Canaryperson Cleared", null, "foreign", Hidden, null, null, null), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var editor = await EditorAsync();

        var hidden = await RefusalAsync(await editor.PostAsJsonAsync("/api/v1/people", new PersonInput("Wg Canaryperson", null, "foreign", Hidden, null, null, null), Ct), Hidden);
        var unknown = await RefusalAsync(await editor.PostAsJsonAsync("/api/v1/people", new PersonInput("Wg Canaryperson", null, "foreign", Unknown, null, null, null), Ct), Unknown);
        hidden.ShouldBe(unknown);
        hidden.ShouldContain("countryIso3");

        var browser = await PageForms.CookieClientAsync(fixture.App, Editor, ChanceryAppFactory.UserPassword, Ct);
        async Task<string> PostAsync(string country)
        {
            var response = await browser.PostAsync("/people/new", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "person", ["action"] = "save", ["Input.Version"] = "0", ["__RequestVerificationToken"] = Token(await PageAsync(browser, "/people/new", Ct)),
                ["Input.FullName"] = "Wg Canaryform", ["Input.Side"] = "foreign", ["Input.CountryIso3"] = country,
            }), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
        var page = await PostAsync(Hidden);
        page.ShouldContain($"'{Hidden}'");
        page.ShouldNotContain("Canarysecret");
        (await PostAsync(Unknown)).ShouldContain($"'{Unknown}'");
        (await admin.GetStringAsync("/api/v1/people?q=Canaryform", Ct)).ShouldNotContain("Wg Canaryform");
    }

    [Fact]
    public async Task A_record_that_already_holds_a_hidden_country_stays_editable_by_an_editor_who_may_edit_it()
    {
        var admin = await AdminWithHiddenCountryAsync();
        var trip = (await (await admin.PostAsJsonAsync("/api/v1/activities", Trip("wg held trip", Hidden), Ct)).Content.ReadFromJsonAsync<ActivityDetail>(Ct))!;
        var person = (await (await admin.PostAsJsonAsync("/api/v1/people",
            new PersonInput("Wg Canaryheld", null, "foreign", Hidden, null, null, null, "internal"), Ct)).Content.ReadFromJsonAsync<PersonDetail>(Ct))!;
        var editor = await EditorAsync();

        // The editor reads the code on the record; keeping it tells them nothing, so the record saves.
        (await editor.PutAsJsonAsync($"/api/v1/activities/{trip.Id}", Trip("wg held trip, renamed", Hidden) with { Version = trip.Version }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await editor.PutAsJsonAsync($"/api/v1/people/{person.Id}",
            new PersonInput("Wg Canaryheld", null, "foreign", Hidden, "A note", null, person.Version), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_partnership_file_naming_an_event_in_the_bin_is_refused_and_the_event_comes_back_as_it_went()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/partners/ISL/events", new FrameworkEventInput
        {
            Level = "comprehensive", EstablishedDate = "2011-03-17", Notes = "Canarybin as it was",
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var stored = (await created.Content.ReadFromJsonAsync<FrameworkEventDetail>(Ct))!;
        (await admin.DeleteAsync($"/api/v1/partners/ISL/events/{stored.Id}?version={stored.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        const string file = "partner_iso3,level,established_date,notes\nISL,comprehensive,2011-03-17,Canarybin revived by a file\n";
        using var dry = new StringContent(file, Encoding.UTF8, "text/csv");
        var preview = await admin.PostAsync("/api/v1/partnerships/import?dryRun=true", dry, Ct);
        var problem = (await preview.Content.ReadFromJsonAsync<ImportOutcome>(Ct))!.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(nameof(ImportReasons.Unavailable));
        using var content = new StringContent(file, Encoding.UTF8, "text/csv");
        (await admin.PostAsync("/api/v1/partnerships/import", content, Ct)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        (await admin.PostAsync($"/api/v1/bin/partner_event/{stored.Id}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var back = (await admin.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/ISL", Ct))!.Events.Single(e => e.Id == stored.Id);
        back.Notes.ShouldBe("Canarybin as it was");
    }
}

public sealed class WriteGuardHoleTestsOnSqlite(SqliteApp fixture) : WriteGuardHoleTests(fixture), IClassFixture<SqliteApp>;

public sealed class WriteGuardHoleTestsOnPostgres(PostgresApp fixture) : WriteGuardHoleTests(fixture), IClassFixture<PostgresApp>;
