using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Api;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Agreements;

/// <summary>Treaty actions through the API and the agreement page's form: the status and the entry into
/// force follow them, a registration needs its number, the two withdrawals are told apart.</summary>
public abstract class TreatyActionApiTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AgreementDetail> CreateAsync(HttpClient client, string reference)
    {
        var response = await client.PostAsJsonAsync("/api/v1/agreements",
            AgreementApiTests.Input(reference, "Hiệp định " + reference, null, ["KOR"], "2020-01-10", "treaty"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string kind, string date, string? number = null) =>
        client.PostAsJsonAsync($"/api/v1/agreements/{id}/actions", new TreatyActionInput(kind, DateOnly.Parse(date), null, number, "https://treaties.un.org/", null), Ct);

    [Fact]
    public async Task The_status_and_entry_into_force_follow_the_actions_and_the_list_filters_on_them()
    {
        var client = await fixture.App.AdminClientAsync();
        var a = await CreateAsync(client, "act-1");

        (await ActAsync(client, a.Id, "signature", "2020-01-10")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ActAsync(client, a.Id, "ratification", "2020-05-02")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var inForce = await ActAsync(client, a.Id, "entry_into_force", "2020-08-01");
        var detail = (await inForce.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        detail.Status.ShouldBe("in_force");
        detail.EntryIntoForce.ShouldBe(new DateOnly(2020, 8, 1));
        detail.Actions.Select(x => x.Kind).ShouldBe(["signature", "ratification", "entry_into_force"]);
        (await client.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?status=in_force&q=act-1", Ct))!.Total.ShouldBe(1);

        var withdrawn = await ActAsync(client, a.Id, "withdrawal", "2023-03-03");
        (await withdrawn.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!.Status.ShouldBe("terminated");
    }

    [Fact]
    public async Task A_registration_without_its_number_and_a_ratification_withdrawn_after_entry_into_force_are_refused()
    {
        var client = await fixture.App.AdminClientAsync();
        var a = await CreateAsync(client, "act-2");
        await ActAsync(client, a.Id, "signature", "2020-01-10");
        await ActAsync(client, a.Id, "ratification", "2020-02-10");
        await ActAsync(client, a.Id, "entry_into_force", "2020-03-10");

        var noNumber = await ActAsync(client, a.Id, "registration", "2020-04-10");
        noNumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await noNumber.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty("number", out _).ShouldBeTrue();
        var late = await ActAsync(client, a.Id, "withdrawal_of_ratification", "2020-05-10");
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.Content.ReadAsStringAsync(Ct)).ShouldContain("withdrawal from the treaty");

        var registered = await ActAsync(client, a.Id, "registration", "2020-04-10", "I-56789");
        var detail = (await registered.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        detail.Status.ShouldBe("in_force");
        detail.Actions.Single(x => x.Kind == "registration").Number.ShouldBe("I-56789");
    }

    [Fact]
    public async Task Recorded_through_the_agreement_page_form_the_action_shows_and_the_status_changes()
    {
        var client = await fixture.App.AdminClientAsync();
        var a = await CreateAsync(client, "act-3");
        var page = await PageAsync(client, $"/agreements/{a.Id}", Ct);

        var response = await client.PostAsync($"/agreements/{a.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "treaty-action", ["__RequestVerificationToken"] = Token(page),
            ["Add.Kind"] = "signature", ["Add.Date"] = "2020-01-10", ["Add.Party"] = "", ["Add.Number"] = "", ["Add.Source"] = "https://example.org/signed",
        }), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        page = await PageAsync(client, $"/agreements/{a.Id}", Ct);
        page = await PageAsync(client, $"/agreements/{a.Id}", Ct);
        response = await client.PostAsync($"/agreements/{a.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "treaty-action", ["__RequestVerificationToken"] = Token(page),
            ["Add.Kind"] = "entry_into_force", ["Add.Date"] = "2020-02-01", ["Add.Source"] = "https://example.org/force",
        }), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        page = await PageAsync(client, $"/agreements/{a.Id}", Ct);
        var actions = Between(page, "id=\"actions\"", "</section>");
        actions.ShouldContain("Có hiệu lực");
        actions.ShouldContain("01/02/2020");
        Between(page, "agreement-meta", "</p>").ShouldContain("Đang có hiệu lực");
    }

    [Fact]
    public async Task A_viewer_cannot_record_an_action_through_the_page()
    {
        var admin = await fixture.App.AdminClientAsync();
        var a = await CreateAsync(admin, "act-4");
        var viewer = await fixture.App.UserClientAsync("act-viewer@test.local", Chancery.Web.Common.Security.Roles.Viewer, Chancery.Web.Common.Classification.ClassificationLevel.Secret);
        var page = await PageAsync(viewer, $"/agreements/{a.Id}", Ct);
        page.ShouldNotContain("Add.Kind"); // no form for a viewer

        await viewer.PostAsync($"/agreements/{a.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "treaty-action", ["__RequestVerificationToken"] = Token(page), ["Add.Kind"] = "signature", ["Add.Date"] = "2020-01-10",
        }), Ct);
        (await viewer.PostAsJsonAsync($"/api/v1/agreements/{a.Id}/actions", new TreatyActionInput("signature", new DateOnly(2020, 1, 10), null, null, null, null), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetFromJsonAsync<AgreementDetail>($"/api/v1/agreements/{a.Id}", Ct))!.Actions.ShouldBeEmpty();
    }
}

public sealed class TreatyActionApiTestsOnSqlite(SqliteApp fixture) : TreatyActionApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class TreatyActionApiTestsOnPostgres(PostgresApp fixture) : TreatyActionApiTests(fixture), IClassFixture<PostgresApp>;
