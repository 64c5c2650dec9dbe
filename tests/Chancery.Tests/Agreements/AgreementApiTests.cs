using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Security;

namespace Chancery.Tests.Agreements;

/// <summary>The agreement register through its API: every field kept, parties in order, the list's
/// filters and diacritic-free search, the header search, edit conflicts, problems as codes, and the
/// classification filter (a viewer below an agreement's level gets 404).</summary>
public abstract class AgreementApiTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static AgreementInput Input(string reference, string? titleVi, string? titleEn, string[] parties, string? signed = "2023-09-10",
        string type = "mou", string? status = null, string? classification = null, string[]? themes = null) =>
        new(reference, type, "government", titleVi, titleEn, parties, "Minister A", "Secretary B", signed is null ? null : DateOnly.Parse(signed),
            "Hà Nội", null, null, null, status, themes ?? [], null, classification, "https://example.org/a ; https://example.org/b", null, null);

    [Fact]
    public async Task An_agreement_is_stored_with_every_field_and_its_parties_in_order()
    {
        var client = await fixture.App.AdminClientAsync();
        var response = await client.PostAsJsonAsync("/api/v1/agreements",
            Input("api-ag-1", "Bản ghi nhớ hợp tác bán dẫn", "Memorandum on semiconductors", ["USA", "JPN"], themes: ["semiconductors"]) with
            {
                EntryIntoForce = new DateOnly(2023, 9, 10), ExpiryDate = new DateOnly(2028, 9, 9),
            }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var created = (await response.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        var stored = (await client.GetFromJsonAsync<AgreementDetail>($"/api/v1/agreements/{created.Id}", Ct))!;
        stored.ExternalRef.ShouldBe("api-ag-1");
        stored.Type.ShouldBe("mou");
        stored.Channel.ShouldBe("government");
        stored.Parties.Select(p => p.Code).ShouldBe(["USA", "JPN"]);
        stored.SignedDate.ShouldBe(new DateOnly(2023, 9, 10));
        stored.SignedPlace.ShouldBe("Hà Nội");
        stored.OurSignatory.ShouldBe("Minister A");
        stored.EntryIntoForce.ShouldBe(new DateOnly(2023, 9, 10));
        stored.ExpiryDate.ShouldBe(new DateOnly(2028, 9, 9));
        stored.Status.ShouldBe("signed"); // the default
        stored.Themes.ShouldBe(["semiconductors"]);
        stored.Classification.ShouldBe("internal");
    }

    [Fact]
    public async Task The_list_filters_by_partner_year_type_and_finds_titles_and_parties_without_diacritics()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/agreements", Input("flt-1", "Tuyên bố chung về đối tác chiến lược toàn diện", null, ["AUS"], "2024-03-07", "joint_statement"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/agreements", Input("flt-2", null, "Protocol on fisheries", ["NZL"], "2022-05-01", "protocol"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        async Task<List<string>> Refs(string query) =>
            (await client.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?pageSize=200&" + query, Ct))!.Items
                .Select(i => i.ExternalRef).Where(r => r.StartsWith("flt-")).ToList();

        (await Refs("partner=AUS")).ShouldBe(["flt-1"]);
        (await Refs("year=2022")).ShouldBe(["flt-2"]);
        (await Refs("type=joint_statement")).ShouldBe(["flt-1"]);
        (await Refs("q=chien%20luoc%20toan%20dien")).ShouldBe(["flt-1"]); // typed without diacritics
        (await Refs("q=new%20zealand")).ShouldBe(["flt-2"]); // the party's name, not in the title
        (await Refs("q=uc")).ShouldBe(["flt-1"]); // Úc, the Vietnamese name of Australia
        (await client.GetAsync("/api/v1/agreements?type=letter", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_header_search_has_an_agreements_group()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/agreements", Input("hdr-1", "Hiệp định khung về hợp tác thủy sản Zanzibar", null, ["TZA"]), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var json = await client.GetStringAsync("/api/v1/search?q=thuy%20san%20zanzibar", Ct);
        json.ShouldContain("Hiệp định khung về hợp tác thủy sản Zanzibar");
        json.ShouldContain("/agreements/");
    }

    [Fact]
    public async Task A_stale_update_is_a_conflict_carrying_the_stored_agreement()
    {
        var client = await fixture.App.AdminClientAsync();
        var created = (await (await client.PostAsJsonAsync("/api/v1/agreements", Input("cfl-1", "Thỏa thuận A", null, ["LAO"]), Ct))
            .Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;

        var first = await client.PutAsJsonAsync($"/api/v1/agreements/{created.Id}", Input("cfl-1", "Thỏa thuận A sửa", null, ["LAO"]) with { Version = created.Version }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await client.PutAsJsonAsync($"/api/v1/agreements/{created.Id}", Input("cfl-1", "Thỏa thuận A lần hai", null, ["LAO"]) with { Version = created.Version }, Ct);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldContain("Thỏa thuận A sửa");
    }

    [Fact]
    public async Task Problems_are_named_by_field_and_nothing_is_stored()
    {
        var client = await fixture.App.AdminClientAsync();
        var response = await client.PostAsJsonAsync("/api/v1/agreements",
            Input("bad-1", null, null, ["USA", "XXZ", "USA"], "2024-01-01", status: "negotiating") with { ExpiryDate = new DateOnly(2023, 1, 1), Themes = ["astrology"] }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        errors.TryGetProperty("titleVi", out _).ShouldBeTrue();
        errors.TryGetProperty("signedDate", out _).ShouldBeTrue(); // negotiating yet signed
        errors.TryGetProperty("expiryDate", out _).ShouldBeTrue(); // expires before it was signed
        errors.TryGetProperty("themes", out _).ShouldBeTrue();
        var parties = errors.GetProperty("parties").EnumerateArray().Select(e => e.GetString()).ToList();
        parties.Count.ShouldBe(2); // XXZ unknown, USA twice
        (await client.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?q=bad-1", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_viewer_below_an_agreements_level_gets_404_and_does_not_find_it()
    {
        var admin = await fixture.App.AdminClientAsync();
        var secret = (await (await admin.PostAsJsonAsync("/api/v1/agreements",
            Input("conf-1", "Bản ghi nhớ mật Quetzal", null, ["USA"], classification: "confidential"), Ct)).Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        var viewer = await fixture.App.UserClientAsync("ag-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        (await viewer.GetAsync($"/api/v1/agreements/{secret.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?q=quetzal", Ct))!.Total.ShouldBe(0);
        (await viewer.GetStringAsync("/api/v1/search?q=quetzal", Ct)).ShouldNotContain("Quetzal");
        (await admin.GetAsync($"/api/v1/agreements/{secret.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class AgreementApiTestsOnSqlite(SqliteApp fixture) : AgreementApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class AgreementApiTestsOnPostgres(PostgresApp fixture) : AgreementApiTests(fixture), IClassFixture<PostgresApp>;
