using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Api;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Agreements;

/// <summary>The agreement pages as a browser uses them: the form posted with its own field names
/// (parties as picker rows, blank spare rows ignored), problems beside their fields in Vietnamese,
/// the detail page and the list's filters.</summary>
public abstract class AgreementPagesTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent AgreementForm(string token, Dictionary<string, string> fields)
    {
        fields["_handler"] = "agreement";
        return Form(token, fields);
    }

    [Fact]
    public async Task An_agreement_saved_through_the_form_keeps_its_parties_in_order_and_shows_on_its_page()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/agreements/new", Ct));

        var response = await client.PostAsync("/agreements/new", AgreementForm(token, new()
        {
            ["Input.Type"] = "joint_statement", ["Input.Status"] = "signed", ["Input.TitleVi"] = "Tuyên bố chung biểu mẫu Kestrel",
            ["Input.TitleEn"] = "Kestrel form joint statement", ["Input.SignedDate"] = "2024-03-07", ["Input.SignedPlace"] = "Canberra",
            ["Input.Parties[0]"] = "", ["Input.Parties[1]"] = "AUS", ["Input.Parties[2]"] = "NZL",
            ["Input.Classification"] = "internal", ["Input.ExternalRef"] = "form-ag-1", ["theme"] = "new_energy",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        var page = await PageAsync(client, response.Headers.Location!.ToString(), Ct);
        page.ShouldContain("Tuyên bố chung biểu mẫu Kestrel");
        var parties = Between(page, "Các bên ký kết", "</dd>");
        parties.IndexOf("Úc", StringComparison.Ordinal).ShouldBeLessThan(parties.IndexOf("Niu Di-lân", StringComparison.Ordinal)); // the reference list names New Zealand in Vietnamese
        parties.IndexOf("Úc", StringComparison.Ordinal).ShouldBeGreaterThan(0);
        page.ShouldContain("07/03/2024");
        page.ShouldContain("Năng lượng mới");
    }

    [Fact]
    public async Task Problems_are_shown_beside_their_fields_in_Vietnamese_and_nothing_is_saved()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/agreements/new", Ct));

        var response = await client.PostAsync("/agreements/new", AgreementForm(token, new()
        {
            ["Input.Type"] = "mou", ["Input.Status"] = "signed", ["Input.TitleVi"] = "", ["Input.TitleEn"] = "",
            ["Input.SignedDate"] = "", ["Input.Parties[0]"] = "QQQ", ["Input.Classification"] = "internal", ["Input.ExternalRef"] = "form-bad-1",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Cần nhập tên văn kiện bằng tiếng Việt hoặc tiếng Anh.");
        html.ShouldContain("Cần nhập ngày ký");
        Between(html, "id=\"parties\"", "</fieldset>").ShouldContain("Không có đối tác mang mã QQQ.");
        (await client.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?q=form-bad-1", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task More_party_rows_saves_nothing_and_keeps_what_was_typed()
    {
        var client = await fixture.App.AdminClientAsync();
        var form = await PageAsync(client, "/agreements/new", Ct);
        PartyRows(form).ShouldBe(2);

        var response = await client.PostAsync("/agreements/new", AgreementForm(Token(form), new()
        {
            ["action"] = AgreementFormAction, ["Input.Type"] = "mou", ["Input.TitleVi"] = "Chỉ thêm dòng", ["Input.Parties[0]"] = "LAO",
            ["Input.Classification"] = "internal",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        PartyRows(html).ShouldBe(6); // the filled one and five blank
        html.ShouldContain("Chỉ thêm dòng");
        (await client.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?q=chi%20them%20dong", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_list_page_applies_its_filters_and_says_when_nothing_matches()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/agreements", AgreementApiTests.Input("lst-1", "Nghị định thư Osprey", null, ["JPN"], "2021-06-01", "protocol"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var found = await PageAsync(client, "/agreements?q=osprey&year=2021&type=protocol&partner=JPN", Ct);
        found.ShouldContain("Nghị định thư Osprey");
        found.ShouldContain("Nhật Bản");
        var none = await PageAsync(client, "/agreements?q=osprey&year=2020", Ct);
        none.ShouldNotContain("Nghị định thư Osprey");
        none.ShouldContain("Không có văn kiện nào khớp với bộ lọc.");
    }

    private const string AgreementFormAction = "more-parties";

    private static int PartyRows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "class=\"party-row\"").Count;
}

public sealed class AgreementPagesTestsOnSqlite(SqliteApp fixture) : AgreementPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class AgreementPagesTestsOnPostgres(PostgresApp fixture) : AgreementPagesTests(fixture), IClassFixture<PostgresApp>;
