using System.Net;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Import;

namespace Chancery.Tests.Agreements;

/// <summary>agreements.csv through POST /api/v1/agreements/import: all-or-nothing with every problem of
/// every row, the activity resolved by its file id, idempotent by id; the export (the list's filters)
/// imports back unchanged.</summary>
public abstract class AgreementImportTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "id,type,channel,title_vi,title_en,parties,our_signatory,their_signatory,signed_date,signed_place,activity_id,entry_into_force,expiry_date,status,themes,owner_unit,classification,source,notes";

    private static async Task<(HttpResponseMessage, ImportOutcome?)> ImportAsync(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync("/api/v1/agreements/import", content, Ct);
        return (response, await response.Content.ReadFromJsonAsync<ImportOutcome>(Ct));
    }

    [Fact]
    public async Task A_file_with_problems_stores_nothing_and_lists_every_problem_of_every_row()
    {
        var client = await fixture.App.AdminClientAsync();
        var csv = Header + "\n" +
            "imp-bad-1,mou,,Bản ghi nhớ tốt,,USA,,,2023-09-10,,,,,,,,,,\n" +
            "imp-bad-2,letter,,,,XXQ,,,2023-09-10,,no-such-activity,,,,,,,,\n" +
            "imp-bad-3,treaty,,Hiệp định,,JPN,,,,,,2020-01-01,,signed,,,,,\n";

        var (response, outcome) = await ImportAsync(client, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = outcome!.Problems.Select(p => (p.Line, p.Column)).ToList();
        problems.ShouldContain((3, "type"));
        problems.ShouldContain((3, "title_vi"));
        problems.ShouldContain((3, "parties"));
        problems.ShouldContain((3, "activity_id"));
        problems.ShouldContain((4, "signed_date")); // signed, yet no date
        (await client.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?q=imp-bad-1", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Rows_resolve_their_activity_by_file_id_and_a_second_import_changes_nothing_and_the_export_comes_back_unchanged()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/activities", new ActivityInput("imp-visit-2024", "incoming_visit", null, "completed",
            new DateOnly(2024, 3, 7), null, "Chuyến thăm nhập khẩu", null, null, null, null, null, null, null, null, null, [], null, null, null,
            [new ActivityLegInput("AUS", null, null, null)], null), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var csv = Header + "\n" +
            "imp-ok-1,joint_statement,state,Tuyên bố chung Egret,Egret joint statement,AUS,,,2024-03-07,Canberra,imp-visit-2024,,,signed,new_energy,,public,https://example.org/egret,\n" +
            "imp-ok-2,mou,,,Egret MoU,AUS;NZL,,,2024-03-07,,imp-visit-2024,2024-03-07,2029-03-06,in_force,,,,,\n";

        var (first, outcome) = await ImportAsync(client, csv);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
        outcome!.Created.ShouldBe(2);
        var list = await client.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?q=egret&sort=title", Ct);
        var mou = await client.GetFromJsonAsync<AgreementDetail>($"/api/v1/agreements/{list!.Items.Single(i => i.ExternalRef == "imp-ok-2").Id}", Ct);
        mou!.ActivityRef.ShouldBe("imp-visit-2024");
        mou.Parties.Select(p => p.Code).ShouldBe(["AUS", "NZL"]);
        mou.Status.ShouldBe("in_force");

        var (_, again) = await ImportAsync(client, csv);
        again!.Created.ShouldBe(0);
        again.Unchanged.ShouldBe(2);

        var exported = await client.GetStringAsync("/api/v1/agreements/export?format=csv&q=egret", Ct);
        exported.ShouldContain("imp-ok-1");
        exported.ShouldContain("AUS;NZL");
        var (_, roundTrip) = await ImportAsync(client, exported.TrimStart('\uFEFF'));
        roundTrip!.Unchanged.ShouldBe(2, string.Join("; ", roundTrip.Rows.SelectMany(r => r.Changes).Select(c => $"{c.Field}: {c.Before} → {c.After}")));
    }
}

public sealed class AgreementImportTestsOnSqlite(SqliteApp fixture) : AgreementImportTests(fixture), IClassFixture<SqliteApp>;

public sealed class AgreementImportTestsOnPostgres(PostgresApp fixture) : AgreementImportTests(fixture), IClassFixture<PostgresApp>;
