using System.Net;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Import;
using Chancery.Web.People;

namespace Chancery.Tests.Activities;

/// <summary>An import never quietly extends or moves a stored leader's term of office: a row whose leader did
/// not hold the named office on its date (as recorded) is refused, naming the leader, the office and the
/// date, unless leader_office_change says extend or new; the preview lists the office changes.</summary>
public abstract class LeaderOfficeImportTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Header = ActivityDataset.Header + ",leader_office_change";

    private static string Row(string id, string date, string role, string leader, string change = "") =>
        $"{id},working_visit,{date},{date},completed,{role},{leader},outgoing,LAO,,,,Office test {id},,,internal,,,{change}";

    /// <summary>The leader recorded as Prime Minister from 2021-04-05 to 2021-12-31 (the first file names them).</summary>
    private async Task<HttpClient> AdminWithLeaderAsync(string leader, string prefix)
    {
        var admin = await fixture.App.AdminClientAsync();
        var (response, outcome) = await ImportAsync(admin, Row($"{prefix}-a", "2021-04-05", "Prime Minister", leader), Row($"{prefix}-b", "2021-12-31", "Prime Minister", leader));
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => p.Reason) ?? []));
        return admin;
    }

    private static async Task<(HttpResponseMessage Response, ImportOutcome? Outcome)> ImportAsync(HttpClient client, params string[] rows) =>
        await ImportAsync(client, false, rows);

    private static async Task<(HttpResponseMessage Response, ImportOutcome? Outcome)> ImportAsync(HttpClient client, bool dryRun, params string[] rows)
    {
        using var content = new StringContent(Header + "\n" + string.Join("\n", rows) + "\n", Encoding.UTF8, "text/csv");
        var response = await client.PostAsync($"/api/v1/activities/import?dryRun={dryRun.ToString().ToLowerInvariant()}", content, Ct);
        return (response, await response.Content.ReadFromJsonAsync<ImportOutcome>(Ct));
    }

    private static async Task<List<(string? Office, DateOnly From, DateOnly? To)>> OfficesAsync(HttpClient client, string name)
    {
        var list = await client.GetFromJsonAsync<ListResult<PersonListItem>>($"/api/v1/people?q={Uri.EscapeDataString(name)}", Ct);
        var person = await client.GetFromJsonAsync<PersonDetail>($"/api/v1/people/{list!.Items.Single().Id}", Ct);
        return person!.Offices.Select(o => (o.OfficeCode, o.From, o.To)).ToList();
    }

    [Fact]
    public async Task A_row_after_the_recorded_term_is_refused_naming_the_leader_the_office_and_the_date()
    {
        var admin = await AdminWithLeaderAsync("Trần Văn Nhiệm Kỳ", "lo1");

        var (response, outcome) = await ImportAsync(admin, Row("lo1-c", "2022-03-01", "Prime Minister", "Trần Văn Nhiệm Kỳ"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = outcome!.Problems.ShouldHaveSingleItem();
        problem.Line.ShouldBe(2);
        problem.Column.ShouldBe("leader_name");
        problem.Code.ShouldBe("LeaderOfficeNotHeld");
        problem.Reason.ShouldContain("Trần Văn Nhiệm Kỳ");
        problem.Reason.ShouldContain("Prime Minister");
        problem.Reason.ShouldContain("2022-03-01");
        (await OfficesAsync(admin, "Trần Văn Nhiệm Kỳ")).ShouldBe([("prime_minister", new DateOnly(2021, 4, 5), new DateOnly(2021, 12, 31))]);
    }

    [Fact]
    public async Task A_row_inside_the_recorded_term_needs_nothing_and_changes_no_office()
    {
        var admin = await AdminWithLeaderAsync("Lý Văn Trong Kỳ", "lo2");

        var (response, _) = await ImportAsync(admin, Row("lo2-c", "2021-08-01", "Thủ tướng", "Lý Văn Trong Kỳ"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OfficesAsync(admin, "Lý Văn Trong Kỳ")).ShouldBe([("prime_minister", new DateOnly(2021, 4, 5), new DateOnly(2021, 12, 31))]);
    }

    [Fact]
    public async Task With_extend_the_preview_lists_the_change_and_the_import_widens_the_term()
    {
        var admin = await AdminWithLeaderAsync("Đỗ Văn Kéo Dài", "lo3");

        var (previewResponse, preview) = await ImportAsync(admin, true, Row("lo3-c", "2022-03-01", "Prime Minister", "Đỗ Văn Kéo Dài", "extend"));

        previewResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var change = preview!.Rows.ShouldHaveSingleItem().Changes.ShouldHaveSingleItem();
        change.Field.ShouldBe("leader_office");
        change.Before.ShouldBe("Đỗ Văn Kéo Dài: prime_minister 2021-04-05 – 2021-12-31");
        change.After.ShouldBe("Đỗ Văn Kéo Dài: prime_minister 2021-04-05 – 2022-03-01");
        (await OfficesAsync(admin, "Đỗ Văn Kéo Dài")).Single().To.ShouldBe(new DateOnly(2021, 12, 31)); // a preview stores nothing

        var (response, _) = await ImportAsync(admin, Row("lo3-c", "2022-03-01", "Prime Minister", "Đỗ Văn Kéo Dài", "extend"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OfficesAsync(admin, "Đỗ Văn Kéo Dài")).ShouldBe([("prime_minister", new DateOnly(2021, 4, 5), new DateOnly(2022, 3, 1))]);
    }

    [Fact]
    public async Task A_new_office_needs_new_and_extend_cannot_invent_one()
    {
        var admin = await AdminWithLeaderAsync("Phan Văn Chức Mới", "lo4");

        var (refused, refusal) = await ImportAsync(admin, Row("lo4-c", "2022-05-01", "Chủ tịch nước", "Phan Văn Chức Mới", "extend"));
        var (accepted, _) = await ImportAsync(admin, Row("lo4-c", "2022-05-01", "Chủ tịch nước", "Phan Văn Chức Mới", "new"));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refusal!.Problems.ShouldHaveSingleItem().Code.ShouldBe("LeaderOfficeNothingToExtend");
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OfficesAsync(admin, "Phan Văn Chức Mới")).OrderBy(o => o.From).ShouldBe([
            ("prime_minister", new DateOnly(2021, 4, 5), new DateOnly(2021, 12, 31)),
            ("state_president", new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 1)),
        ]);
    }

    [Fact]
    public async Task An_unknown_change_is_a_problem_listing_the_allowed_values()
    {
        var admin = await fixture.App.AdminClientAsync();

        var (response, outcome) = await ImportAsync(admin, Row("lo5-a", "2021-04-05", "Prime Minister", "Võ Văn Sai Mã", "stretch"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = outcome!.Problems.ShouldHaveSingleItem();
        problem.Column.ShouldBe("leader_office_change");
        problem.Reason.ShouldContain("extend");
        problem.Reason.ShouldContain("new");
    }
}

public sealed class LeaderOfficeImportTestsOnSqlite(SqliteApp fixture) : LeaderOfficeImportTests(fixture), IClassFixture<SqliteApp>;

public sealed class LeaderOfficeImportTestsOnPostgres(PostgresApp fixture) : LeaderOfficeImportTests(fixture), IClassFixture<PostgresApp>;
