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

    [Fact]
    public async Task Without_script_the_pickers_are_plain_selects_and_the_form_saves_the_leader_and_the_countries_chosen()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);
        var leader = (await client.GetFromJsonAsync<ListResult<Chancery.Web.People.PersonListItem>>("/api/v1/people?q=nguyen%20van%20thu", Ct))!.Items.Single();
        var form = await PageAsync(client, "/activities/new", Ct);
        // The leader picker is a select the browser can post as it is, offering the leaders.
        var picker = Between(form, "<select name=\"Input.LeadPersonId\"", "</select>");
        picker.ShouldContain("data-picker=\"leaders\"");
        picker.ShouldContain($"<option value=\"{leader.Id}\"");
        Between(form, "<select name=\"Input.Legs[0].CountryIso3\"", "</select>").ShouldContain("<option value=\"KOR\"");

        var response = await client.PostAsync("/activities/new", Form(Token(form), new()
        {
            ["Input.Kind"] = "working_visit", ["Input.Status"] = "completed", ["Input.DateStart"] = "2025-02-20", ["Input.DateEnd"] = "2025-02-22",
            ["Input.Title"] = "Picked without script", ["Input.Classification"] = "internal", ["Input.LeadPersonId"] = leader.Id.ToString(),
            ["Input.LeaderRoleText"] = "Deputy Prime Minister", ["Input.Legs[0].CountryIso3"] = "KOR", ["Input.Legs[1].CountryIso3"] = "JPN",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await IdOfTitledAsync(client, "picked without script");
        var saved = await client.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{id}", Ct);
        saved!.LeadPersonId.ShouldBe(leader.Id);
        saved.Legs.Select(l => l.CountryIso3).ShouldBe(["KOR", "JPN"]);
        // Edited again, the pickers show what is stored.
        var edit = await PageAsync(client, $"/activities/{id}/edit", Ct);
        SelectedIn(edit, "Input.LeadPersonId").ShouldBe(leader.Id.ToString());
        SelectedIn(edit, "Input.Legs[1].CountryIso3").ShouldBe("JPN");
    }

    [Fact]
    public async Task Moving_and_removing_legs_keeps_their_order_saves_nothing_and_comes_back_at_the_legs()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/activities/new", Ct));
        Dictionary<string, string> Trip(string action) => new()
        {
            ["action"] = action, ["Input.Kind"] = "official_visit", ["Input.DateStart"] = "2025-07-01", ["Input.DateEnd"] = "2025-07-09",
            ["Input.Title"] = "Only reordered", ["Input.Classification"] = "internal",
            ["Input.Legs[0].CountryIso3"] = "ITA", ["Input.Legs[0].City"] = "Roma",
            ["Input.Legs[1].CountryIso3"] = "ESP", ["Input.Legs[1].City"] = "Madrid",
            ["Input.Legs[2].CountryIso3"] = "FRA", ["Input.Legs[2].City"] = "Paris",
        };

        var up = WebUtility.HtmlDecode(await (await client.PostAsync("/activities/new", Form(token, Trip("leg-up:1")), Ct)).Content.ReadAsStringAsync(Ct));
        var down = WebUtility.HtmlDecode(await (await client.PostAsync("/activities/new", Form(token, Trip("leg-down:0")), Ct)).Content.ReadAsStringAsync(Ct));
        var removed = WebUtility.HtmlDecode(await (await client.PostAsync("/activities/new", Form(token, Trip("leg-remove:1")), Ct)).Content.ReadAsStringAsync(Ct));

        Countries(up).ShouldBe(["ESP", "ITA", "FRA"]);
        Between(up, "name=\"Input.Legs[0].City\"", ">").ShouldContain("value=\"Madrid\"");
        Countries(down).ShouldBe(["ESP", "ITA", "FRA"]);
        Countries(removed).ShouldBe(["ITA", "FRA"]);
        LegRows(removed).ShouldBe(4); // two legs and the two spare rows
        // Every legs button posts back to the form's own address at the legs (the page has a base href).
        up.ShouldContain("id=\"legs\"");
        up.ShouldContain("value=\"leg-up:1\" formaction=\"/activities/new#leg-0\"");
        up.ShouldContain("value=\"more-legs\" formaction=\"/activities/new#legs\"");
        up.ShouldContain("id=\"leg-0\"");
        (await client.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=only%20reordered", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_form_warns_when_a_trip_by_the_prime_minister_falls_after_his_recorded_term()
    {
        var client = await fixture.App.AdminClientAsync();
        var (imported, _) = await ActivityDataset.ImportAsync(client, ActivityDataset.Header + "\n" +
            "pmt-a,official_visit,2021-04-05,2021-04-06,completed,Prime Minister,Hoàng Văn Hết Hạn,outgoing,LAO,,,,Term start,,,internal,,\n" +
            "pmt-b,official_visit,2021-12-30,2021-12-31,completed,Prime Minister,Hoàng Văn Hết Hạn,outgoing,KHM,,,,Term end,,,internal,,\n");
        imported.EnsureSuccessStatusCode();
        var lead = await IdOfAsync(client, "pmt-a");
        var person = (await client.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{lead}", Ct))!.LeadPersonId;
        async Task<int> TripAsync(string title, DateOnly start)
        {
            var response = await client.PostAsJsonAsync("/api/v1/activities", new ActivityInput(null, "official_visit", null, "completed", start, start.AddDays(2),
                title, null, null, person, "Prime Minister of Vietnam", null, null, null, null, null, null, null, null, "internal", [new("JPN", null, null, null)], 0), Ct);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!.Id;
        }
        var after = await TripAsync("Trip after the term", new DateOnly(2023, 3, 1));
        var within = await TripAsync("Trip within the term", new DateOnly(2021, 6, 1));

        var warned = await PageAsync(client, $"/activities/{after}/edit", Ct);
        var quiet = await PageAsync(client, $"/activities/{within}/edit", Ct);

        var warning = Between(warned, "class=\"alert warning office-warning\"", "</div>");
        warning.ShouldContain("Chức vụ đã ghi của lãnh đạo không bao trùm thời gian này");
        warning.ShouldContain("Hoàng Văn Hết Hạn");
        warning.ShouldContain("Thủ tướng Chính phủ");
        warning.ShouldContain("01/03/2023 – 03/03/2023");
        warning.ShouldContain("05/04/2021 – 30/12/2021"); // the first and last days the file showed
        quiet.ShouldNotContain("office-warning");
        // A warning, not a refusal: the trip after the term was saved and can be saved again.
        var token = Token(warned);
        var stored = await client.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{after}", Ct);
        (await client.PostAsync($"/activities/{after}/edit", Form(token, new()
        {
            ["Input.Version"] = stored!.Version.ToString(), ["Input.Kind"] = "official_visit", ["Input.Status"] = "completed",
            ["Input.DateStart"] = "2023-03-01", ["Input.DateEnd"] = "2023-03-03", ["Input.Title"] = "Trip after the term, saved again",
            ["Input.Classification"] = "internal", ["Input.LeadPersonId"] = person.ToString()!, ["Input.LeaderRoleText"] = "Prime Minister of Vietnam",
            ["Input.Legs[0].CountryIso3"] = "JPN",
        }), Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<int> IdOfTitledAsync(HttpClient client, string title)
    {
        var list = await client.GetFromJsonAsync<ListResult<ActivityListItem>>($"/api/v1/activities?q={Uri.EscapeDataString(title)}", Ct);
        return list!.Items.Single().Id;
    }

    /// <summary>The value a select of the page is set to.</summary>
    private static string? SelectedIn(string html, string name)
    {
        var select = Between(html, $"<select name=\"{name}\"", "</select>");
        var match = Regex.Match(select, "<option value=\"([^\"]*)\" selected");
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The legs' countries in the order the form shows them (blank rows left out).</summary>
    private static List<string> Countries(string html) =>
        Enumerable.Range(0, LegRows(html)).Select(i => SelectedIn(html, $"Input.Legs[{i}].CountryIso3")).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

}

public sealed class ActivityEditFormTestsOnSqlite(SqliteApp fixture) : ActivityEditFormTests(fixture), IClassFixture<SqliteApp>;

public sealed class ActivityEditFormTestsOnPostgres(PostgresApp fixture) : ActivityEditFormTests(fixture), IClassFixture<PostgresApp>;
