using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Activities;

/// <summary>The activity edit form posted as a browser would: legs kept in order, problems beside their
/// fields in Vietnamese, more rows without saving, and the conflict notice after a stale edit.</summary>
public abstract class ActivityEditFormTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_trip_saved_through_the_form_keeps_its_legs_in_order_and_ignores_blank_rows()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/activities/new", Ct));

        var response = await client.PostAsync("/activities/new", Form(token, new()
        {
            ["Input.Kind"] = "working_visit", ["Input.Status"] = "completed", ["Input.DateStart"] = "2025-05-01", ["Input.DateEnd"] = "2025-05-06",
            ["Input.Title"] = "Form trip to Italy and Spain", ["Input.Classification"] = "internal",
            ["Input.Legs[0].CountryIso3"] = "ita", ["Input.Legs[0].City"] = "Roma", ["Input.Legs[0].DateStart"] = "2025-05-01", ["Input.Legs[0].DateEnd"] = "2025-05-03",
            ["Input.Legs[1].CountryIso3"] = "", ["Input.Legs[1].City"] = "", ["Input.Legs[1].DateStart"] = "", ["Input.Legs[1].DateEnd"] = "",
            ["Input.Legs[2].CountryIso3"] = "ESP", ["Input.Legs[2].City"] = "Madrid", ["Input.Legs[2].DateStart"] = "2025-05-04", ["Input.Legs[2].DateEnd"] = "2025-05-06",
            ["theme"] = "semiconductors",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PageAsync(client, response.Headers.Location!.ToString(), Ct);
        var legs = page[page.IndexOf("class=\"data legs\"", StringComparison.Ordinal)..];
        legs.IndexOf("Roma", StringComparison.Ordinal).ShouldBeLessThan(legs.IndexOf("Madrid", StringComparison.Ordinal));
        legs.ShouldContain("01/05/2025 – 03/05/2025");
        page.ShouldContain("Bán dẫn"); // the theme chip
    }

    [Fact]
    public async Task Legs_out_of_order_or_outside_the_trip_and_a_contradicting_direction_are_shown_beside_their_fields()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/activities/new", Ct));

        var response = await client.PostAsync("/activities/new", Form(token, new()
        {
            ["Input.Kind"] = "official_visit", ["Input.Direction"] = "incoming", ["Input.Status"] = "completed",
            ["Input.DateStart"] = "2025-05-01", ["Input.DateEnd"] = "2025-05-06", ["Input.Title"] = "Never stored", ["Input.Classification"] = "internal",
            ["Input.Legs[0].CountryIso3"] = "ITA", ["Input.Legs[0].DateStart"] = "2025-05-03", ["Input.Legs[0].DateEnd"] = "2025-05-04",
            ["Input.Legs[1].CountryIso3"] = "ESP", ["Input.Legs[1].DateStart"] = "2025-05-02", ["Input.Legs[1].DateEnd"] = "2025-05-09",
            ["Input.Legs[2].CountryIso3"] = "QQQ",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Loại hình này là đoàn ra.");
        html.ShouldContain("Các chặng phải theo thứ tự");
        html.ShouldContain("Chặng kết thúc ngoài thời gian chuyến đi.");
        html.ShouldContain("Không có mã quốc gia 'QQQ'.");
        // The second leg's error sits in the second leg's row.
        var secondRow = Between(html, "name=\"Input.Legs[1].CountryIso3\"", "</tr>");
        secondRow.ShouldContain("Các chặng phải theo thứ tự");
        (await client.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=never%20stored", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Add_more_legs_renders_more_rows_and_saves_nothing()
    {
        var client = await fixture.App.AdminClientAsync();
        var form = await PageAsync(client, "/activities/new", Ct);
        LegRows(form).ShouldBe(2); // a new activity: no legs, two blank rows

        var response = await client.PostAsync("/activities/new", Form(Token(form), new()
        {
            ["action"] = "more-legs", ["Input.Kind"] = "official_visit", ["Input.DateStart"] = "2025-07-01", ["Input.Title"] = "Only more rows",
            ["Input.Classification"] = "internal", ["Input.Legs[0].CountryIso3"] = "ITA",
        }), Ct);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        LegRows(html).ShouldBe(6); // the filled leg and five blank rows
        html.ShouldContain("value=\"ITA\"");
        (await client.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=only%20more%20rows", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_stale_edit_shows_the_conflict_with_the_stored_values()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);
        var id = await IdOfAsync(client, "ov-later");
        var token = Token(await PageAsync(client, $"/activities/{id}/edit", Ct));
        var stored = await client.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{id}", Ct);
        // Someone else saves first.
        (await client.PutAsJsonAsync($"/api/v1/activities/{id}", new ActivityInput(null, "working_visit", null, "completed", stored!.DateStart, stored.DateEnd,
            "Saved first by someone else", null, null, stored.LeadPersonId, null, null, null, null, null, null, null, null, null, "internal",
            [new("LAO", null, null, null)], stored.Version), Ct)).EnsureSuccessStatusCode();

        var response = await client.PostAsync($"/activities/{id}/edit", Form(token, new()
        {
            ["Input.Version"] = stored.Version.ToString(), ["Input.Kind"] = "working_visit", ["Input.Status"] = "completed",
            ["Input.DateStart"] = "2025-03-01", ["Input.DateEnd"] = "2025-03-02", ["Input.Title"] = "Mine from a stale form",
            ["Input.Classification"] = "internal", ["Input.Legs[0].CountryIso3"] = "LAO",
        }), Ct);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Bản ghi đã được người khác lưu trước");
        html.ShouldContain("Saved first by someone else");
        html.ShouldContain("Mine from a stale form");
        (await client.GetStringAsync($"/api/v1/activities/{id}", Ct)).ShouldContain("Saved first by someone else");
    }

}

public sealed class ActivityEditFormTestsOnSqlite(SqliteApp fixture) : ActivityEditFormTests(fixture), IClassFixture<SqliteApp>;

public sealed class ActivityEditFormTestsOnPostgres(PostgresApp fixture) : ActivityEditFormTests(fixture), IClassFixture<PostgresApp>;
