using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Ui;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Common;

/// <summary>GET /api/v1/pickers/{kind}: what the form's pickers offer as the reader types, by name in either
/// language and without diacritics, those in office on the day first, and nothing the reader may not see.</summary>
public abstract class PickerApiTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string ViewerEmail = "picker.viewer@test.local";

    // Nguyễn Phú Trọng in office through 2020; "Nguyễn An Pickertest" (first by name) only in 2015; a
    // counterpart named only in a confidential meeting.
    private const string Csv = ActivityDataset.Header + "\n" +
        "pk1,official_visit,2020-01-10,2020-01-12,completed,General Secretary,Nguyễn Phú Trọng,outgoing,LAO,,,,Picker trip one,,,internal,,\n" +
        "pk2,official_visit,2020-12-01,2020-12-02,completed,General Secretary,Nguyễn Phú Trọng,outgoing,KHM,,,,Picker trip two,,,internal,,\n" +
        "pk3,official_visit,2015-03-01,2015-03-02,completed,Deputy Prime Minister,Nguyễn An Pickertest,outgoing,LAO,,,,Picker trip three,,,internal,,\n" +
        "pk4,official_visit,2015-09-01,2015-09-02,completed,Deputy Prime Minister,Nguyễn An Pickertest,outgoing,LAO,,,,Picker trip four,,,internal,,\n" +
        "pk5,bilateral_meeting,2020-06-01,2020-06-01,completed,General Secretary,Nguyễn Phú Trọng,,FRA,Secretive Counterpart,President,,Hidden meeting,,,confidential,,\n" +
        "pk6,bilateral_meeting,2020-06-02,2020-06-02,completed,General Secretary,Nguyễn Phú Trọng,,FRA,Open Counterpart,President,,Open meeting,,,internal,,\n";

    private async Task<HttpClient> AdminWithDataAsync()
    {
        var admin = await fixture.App.AdminClientAsync();
        var (response, outcome) = await ActivityDataset.ImportAsync(admin, Csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
        return admin;
    }

    private static async Task<List<PickerOption>> PickAsync(HttpClient client, string url, string language = "vi")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<PickerOption>>(Ct))!;
    }

    [Theory]
    [InlineData("nguyen%20phu")]
    [InlineData("Nguy%E1%BB%85n%20Ph%C3%BA")] // Nguyễn Phú
    [InlineData("NGUYEN%20PHU%20TRONG")]
    [InlineData("phu%20nguyen")] // the words in any order
    public async Task A_leader_is_found_by_part_of_the_name_with_or_without_diacritics(string q)
    {
        var admin = await AdminWithDataAsync();

        var found = await PickAsync(admin, $"/api/v1/pickers/leaders?q={q}");

        found.ShouldContain(o => o.Label == "Nguyễn Phú Trọng");
        found.ShouldNotContain(o => o.Label == "Nguyễn An Pickertest");
    }

    [Fact]
    public async Task Leaders_in_office_on_the_day_come_first_whatever_their_name()
    {
        var admin = await AdminWithDataAsync();

        var in2020 = await PickAsync(admin, "/api/v1/pickers/leaders?q=nguyen&on=2020-05-01", "en");
        var in2015 = await PickAsync(admin, "/api/v1/pickers/leaders?q=nguyen&on=2015-06-01", "en");

        in2020.Select(o => o.Label).Take(2).ShouldBe(["Nguyễn Phú Trọng", "Nguyễn An Pickertest"]);
        in2020[0].Hint.ShouldBe("General Secretary of the Communist Party of Vietnam");
        in2015.Select(o => o.Label).Take(2).ShouldBe(["Nguyễn An Pickertest", "Nguyễn Phú Trọng"]);
        in2015[0].Hint.ShouldBe("Deputy Prime Minister");
    }

    [Theory]
    [InlineData("han%20quoc", "vi", "Hàn Quốc")]
    [InlineData("H%C3%80N%20QU%E1%BB%90C", "vi", "Hàn Quốc")] // HÀN QUỐC
    [InlineData("han%20quoc", "en", "Republic of Korea")]
    [InlineData("Korea", "en", "Republic of Korea")]
    [InlineData("korea", "vi", "Hàn Quốc")]
    [InlineData("KOR", "en", "Republic of Korea")]
    public async Task A_country_is_found_by_its_name_in_either_language_without_diacritics(string q, string language, string label)
    {
        var admin = await fixture.App.AdminClientAsync();

        var found = await PickAsync(admin, $"/api/v1/pickers/countries?q={q}", language);

        found.ShouldContain(o => o.Value == "KOR" && o.Label == label);
        found.ShouldNotContain(o => o.Value == "JPN");
        if (q != "Korea" && q != "korea") found[0].Value.ShouldBe("KOR");
    }

    [Fact]
    public async Task A_person_named_only_in_a_record_above_the_readers_clearance_is_not_offered()
    {
        var admin = await AdminWithDataAsync();
        var viewer = await fixture.App.UserClientAsync(ViewerEmail, Roles.Viewer, ClassificationLevel.Internal);

        (await PickAsync(admin, "/api/v1/pickers/counterparts?q=secretive")).ShouldContain(o => o.Label == "Secretive Counterpart");
        (await PickAsync(viewer, "/api/v1/pickers/counterparts?q=secretive")).ShouldBeEmpty();
        (await PickAsync(viewer, "/api/v1/pickers/counterparts?q=counterpart")).Select(o => o.Label).ShouldBe(["Open Counterpart"]);
        // Named in records the viewer sees as well as the hidden one: offered.
        (await PickAsync(viewer, "/api/v1/pickers/leaders?q=nguyen%20phu")).ShouldContain(o => o.Label == "Nguyễn Phú Trọng");
    }

    [Fact]
    public async Task A_partner_above_the_readers_clearance_is_not_offered()
    {
        await using (var scope = fixture.App.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
            if (!await db.Partners.AnyAsync(p => p.Code == "ZZP", Ct))
            {
                db.Partners.Add(new Partner
                {
                    Code = "ZZP", Kind = PartnerKind.Organisation, NameVi = "Tổ chức Kín Đáo", NameEn = "Discreet Organisation",
                    Classification = ClassificationLevel.Confidential,
                });
                await db.SaveChangesAsync(Ct);
            }
        }
        var admin = await fixture.App.AdminClientAsync();
        var viewer = await fixture.App.UserClientAsync(ViewerEmail, Roles.Viewer, ClassificationLevel.Internal);

        (await PickAsync(admin, "/api/v1/pickers/partners?q=kin%20dao")).ShouldContain(o => o.Value == "ZZP" && o.Label == "Tổ chức Kín Đáo");
        (await PickAsync(viewer, "/api/v1/pickers/partners?q=kin%20dao")).ShouldBeEmpty();
        (await PickAsync(viewer, "/api/v1/pickers/partners?q=han%20quoc")).ShouldContain(o => o.Value == "KOR");
    }

    [Fact]
    public async Task An_unknown_kind_is_not_found()
    {
        var admin = await fixture.App.AdminClientAsync();

        (await admin.GetAsync("/api/v1/pickers/spaceships?q=x", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class PickerApiTestsOnSqlite(SqliteApp fixture) : PickerApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class PickerApiTestsOnPostgres(PostgresApp fixture) : PickerApiTests(fixture), IClassFixture<PostgresApp>;
