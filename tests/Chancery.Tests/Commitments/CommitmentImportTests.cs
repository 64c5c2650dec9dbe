using System.Net;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Commitments;
using Chancery.Web.Commitments.Realisation;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Import;

namespace Chancery.Tests.Commitments;

/// <summary>commitments.csv, deliveries.csv and exchange_rates.csv through their import endpoints: all-or-nothing
/// with every problem of every row, idempotent by id, references by file id, exports that import back unchanged.</summary>
public abstract class CommitmentImportTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string CommitmentHeader = "id,agreement_id,activity_id,partner,direction,sector,title,amount,unit,pledged_date,due_date,owner_unit,status,themes,classification,source,notes";

    private static async Task<(HttpResponseMessage Response, ImportOutcome Outcome)> ImportAsync(HttpClient client, string path, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync(path, content, Ct);
        return (response, (await response.Content.ReadFromJsonAsync<ImportOutcome>(Ct))!);
    }

    private static async Task ImportedAsync(HttpClient client, string path, string csv)
    {
        var (response, outcome) = await ImportAsync(client, path, csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}")));
    }

    [Fact]
    public async Task A_bad_commitments_file_is_refused_whole_with_every_problem_by_line_and_column()
    {
        var admin = await fixture.App.AdminClientAsync();
        var csv = CommitmentHeader + "\n" +
            "bad-1,,,XXX,,oda,Unknown partner,100,USD,2014-01-01,,,,,,src,\n" +          // line 2: partner
            "bad-2,,,JPN,,oda,Bad unit,100,bananas,2014-01-01,,,,,,src,\n" +              // line 3: unit
            "bad-3,,,JPN,,oda,Due before pledge,100,USD,2014-05-01,2014-04-01,,,,,src,\n" + // line 4: due_date
            "bad-4,,nowhere,JPN,,oda,Unknown activity,100,USD,2014-01-01,,,,,,,\n" +       // line 5: activity_id
            "bad-5,,,JPN,,oda,No origin,100,USD,2014-01-01,,,,,,,\n" +                    // line 6: source (no origin)
            "bad-6,,,JPN,,oda,Bad status,1.5.0,USD,2014-01-01,,,done,,,src,\n" +          // line 7: amount and status
            "good-1,,,JPN,,oda,Fine,100,USD,2014-01-01,,,,,,src,\n";                      // line 8: fine

        var (response, outcome) = await ImportAsync(admin, "/api/v1/commitments/import", csv);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        outcome.Problems.Select(p => (p.Line, p.Column)).ShouldBe(
            [(2, "partner"), (3, "unit"), (4, "due_date"), (5, "activity_id"), (6, "source"), (7, "amount"), (7, "status")], ignoreOrder: true);
        var stored = await admin.GetFromJsonAsync<ListResult<CommitmentListItem>>("/api/v1/commitments?q=good-1", Ct);
        stored!.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Commitments_deliveries_and_rates_import_resolve_references_by_file_id_and_a_second_import_changes_nothing()
    {
        var admin = await fixture.App.AdminClientAsync();
        await PageHtml.ImportOverlapSetAsync(admin); // the activity ov-trip
        var rates = "year,currency,usd_per_unit\n2013,EUR,1.25\n";
        var commitments = CommitmentHeader + "\n" +
            "imp-1,,ov-trip,FRA,inbound,investment,Investment pledged in Paris,2000000,EUR,2013-02-11,2015-12-31,,in_progress,new_energy,public,Joint statement,\n" +
            "imp-2,,,FRA,,health,Doses,300000,doses,2013-03-01,,,fulfilled,,,Press release,\n";
        var deliveries = "id,commitment_id,date,amount,evidence,source\n" +
            "imp-1-d1,imp-1,2013-06-01,500000,First tranche,\n" +
            "imp-2-d1,imp-2,2013-04-01,300000,Shipment,\n";

        await ImportedAsync(admin, "/api/v1/exchange-rates/import", rates);
        await ImportedAsync(admin, "/api/v1/commitments/import", commitments);
        await ImportedAsync(admin, "/api/v1/deliveries/import", deliveries);

        var imp1 = (await admin.GetFromJsonAsync<ListResult<CommitmentListItem>>("/api/v1/commitments?q=imp-1", Ct))!.Items.Single();
        var detail = await admin.GetFromJsonAsync<CommitmentDetail>($"/api/v1/commitments/{imp1.Id}", Ct);
        detail!.ActivityId.ShouldNotBeNull();
        detail.ActivityTitle.ShouldBe("Trip to France and Germany");
        detail.Status.ShouldBe("in_progress"); // as the file states it
        detail.Delivered.ShouldBe(500_000m);
        // 2013: 2,000,000 EUR × 1.25 = 2,500,000 USD pledged; 500,000 × 1.25 = 625,000 realised → 0.25; doses 300,000 / 300,000.
        var report = await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2013-01-01&to=2013-12-31", Ct);
        (report!.Total.PledgedUsd, report.Total.RealisedUsd, report.Total.Share).ShouldBe((2_500_000m, 625_000m, (decimal?)0.25m));
        report.Total.Counts.Single().ShouldBe(new CountFigure("doses", 300_000m, 300_000m));

        foreach (var (path, csv, rows) in new[]
        {
            ("/api/v1/exchange-rates/import", rates, 1), ("/api/v1/commitments/import", commitments, 2), ("/api/v1/deliveries/import", deliveries, 2),
        })
        {
            var (_, again) = await ImportAsync(admin, path, csv);
            (again.Created, again.Updated, again.Unchanged).ShouldBe((0, 0, rows), path);
        }
    }

    [Fact]
    public async Task The_exports_import_back_without_a_change()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ImportedAsync(admin, "/api/v1/exchange-rates/import", "year,currency,usd_per_unit,source\n2012,JPY,0.0125,IMF\n");
        await ImportedAsync(admin, "/api/v1/commitments/import", CommitmentHeader + "\n" +
            "exp-1,,,JPN,outbound,culture,\"Title, with a comma\",1234.5,JPY,2012-05-01,,,open,culture;education,internal,Source,Notes\n");
        await ImportedAsync(admin, "/api/v1/deliveries/import", "id,commitment_id,date,amount,evidence,source\nexp-1-d,exp-1,2012-06-01,0.5,Receipt,\n");

        var commitments = await admin.GetStringAsync("/api/v1/commitments/export?format=csv&q=exp-1", Ct);
        var deliveries = await admin.GetStringAsync("/api/v1/deliveries/export?format=csv", Ct);
        var rates = await admin.GetStringAsync("/api/v1/exchange-rates/export?format=csv", Ct);

        commitments.TrimStart('\uFEFF').ShouldStartWith(CommitmentHeader);
        commitments.ShouldContain("exp-1,,,JPN,outbound,culture,\"Title, with a comma\",1234.5,JPY,2012-05-01,,,open,culture;education,internal,Source,Notes");
        foreach (var (path, csv) in new[] { ("/api/v1/commitments/import", commitments), ("/api/v1/deliveries/import", deliveries), ("/api/v1/exchange-rates/import", rates) })
        {
            var (response, outcome) = await ImportAsync(admin, path, csv.TrimStart('\uFEFF'));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (outcome.Created, outcome.Updated).ShouldBe((0, 0), path);
        }
    }

    [Fact]
    public async Task A_delivery_for_an_unknown_commitment_is_refused_naming_it()
    {
        var admin = await fixture.App.AdminClientAsync();

        var (response, outcome) = await ImportAsync(admin, "/api/v1/deliveries/import", "id,commitment_id,date,amount,evidence,source\nx-d,no-such-commitment,2014-01-01,1,,\n");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = outcome.Problems.Single();
        (problem.Line, problem.Column, problem.Code).ShouldBe((2, "commitment_id", "UnknownCommitmentRef"));
        problem.Reason.ShouldContain("no-such-commitment");
    }

    [Fact]
    public async Task The_templates_import_as_they_are()
    {
        var admin = await fixture.App.AdminClientAsync();
        foreach (var path in new[] { "/api/v1/exchange-rates", "/api/v1/commitments", "/api/v1/deliveries" })
        {
            var template = await admin.GetStringAsync(path + "/import/template?format=csv", Ct);
            var (response, outcome) = await ImportAsync(admin, path + "/import", template.TrimStart('\uFEFF'));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path + ": " + string.Join("; ", outcome.Problems.Select(p => $"{p.Column}: {p.Reason}")));
        }
    }
}

public sealed class CommitmentImportTestsOnSqlite(SqliteApp fixture) : CommitmentImportTests(fixture), IClassFixture<SqliteApp>;

public sealed class CommitmentImportTestsOnPostgres(PostgresApp fixture) : CommitmentImportTests(fixture), IClassFixture<PostgresApp>;
