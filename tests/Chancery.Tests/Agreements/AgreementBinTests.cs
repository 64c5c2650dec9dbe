using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Commitments;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Agreements;
using Chancery.Web.Commitments;
using Chancery.Web.Commitments.Realisation;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Agreements;

/// <summary>An agreement goes to the bin as an activity does: deleted from its confirmation page (or the API,
/// editors only, from the version they saw), gone from every read, restored by an administrator, both in the
/// audit trail. The commitments made under it stay: in the register, in realisation, editable; they name
/// no agreement while it is in the bin, and name it again once it is back.</summary>
public abstract class AgreementBinTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<RealisationFigures> Figures2019Async(HttpClient client) =>
        (await client.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2019-01-01&to=2019-12-31", Ct))!.Total;

    [Fact]
    public async Task An_agreement_deleted_on_its_page_leaves_every_read_keeps_its_commitments_and_comes_back_from_the_bin()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/agreements",
            AgreementApiTests.Input("bin-ag-1", "Hiệp định Numbatbin về thủy sản", null, ["AUS"], "2019-05-01"), Ct);
        var agreement = (await created.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        var commitment = await CommitmentApi.CreateAsync(admin,
            CommitmentApi.Input("bin-c-1", "AUS", "oda", 1000m, "USD", "2019-05-01") with { AgreementId = agreement.Id });
        await CommitmentApi.DeliverAsync(admin, commitment.Id, "2019-09-01", 250m);
        // Worked out by hand: 1,000 pledged, 250 delivered: realised 250.
        OneThousandPledgedQuarterRealised(await Figures2019Async(admin));
        (await PageAsync(admin, $"/commitments/{commitment.Id}", Ct)).ShouldContain("Hiệp định Numbatbin về thủy sản");

        var editor = await fixture.App.UserClientAsync("ag-bin-editor@test.local", Roles.Officer, ClassificationLevel.Internal);
        (await PageAsync(editor, $"/agreements/{agreement.Id}", Ct)).ShouldContain($"href=\"/agreements/{agreement.Id}/delete\"");
        var confirm = await PageAsync(editor, $"/agreements/{agreement.Id}/delete", Ct);
        confirm.ShouldContain("Xóa “Hiệp định Numbatbin về thủy sản”?");
        confirm.ShouldContain("vẫn ở trong sổ"); // what happens to its commitments, said before
        var deleted = await PageForms.PostAsync(editor, $"/agreements/{agreement.Id}/delete", "delete",
            new() { ["DeleteVersion"] = agreement.Version.ToString(CultureInfo.InvariantCulture) }, Ct);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.ToString().ShouldEndWith("/agreements?deleted=1");

        (await admin.GetAsync($"/api/v1/agreements/{agreement.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/agreements/{agreement.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?q=numbatbin", Ct))!.Items.ShouldBeEmpty();
        (await admin.GetStringAsync("/api/v1/agreements/export?q=numbatbin", Ct)).ShouldNotContain("Numbatbin");
        // The commitment stays, counted as before, and can still be edited; its page names no agreement.
        OneThousandPledgedQuarterRealised(await Figures2019Async(admin));
        (await PageAsync(admin, $"/commitments/{commitment.Id}", Ct)).ShouldNotContain("Numbatbin");
        var stored = (await admin.GetFromJsonAsync<CommitmentDetail>($"/api/v1/commitments/{commitment.Id}", Ct))!;
        var edit = await admin.PutAsJsonAsync($"/api/v1/commitments/{commitment.Id}", new CommitmentInput(stored.ExternalRef, stored.AgreementId,
            stored.ActivityId, stored.PartnerCode, stored.Direction, stored.Sector, "Commitment bin-c-1, edited", stored.Amount, stored.Unit,
            stored.PledgedDate, stored.DueDate, stored.OwnerUnitId, null, stored.Themes, stored.Sources, stored.Notes, stored.Classification, stored.Version), Ct);
        edit.StatusCode.ShouldBe(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync(Ct));

        // The administrator finds it in the bin and restores it: the commitment names it again.
        var bin = await PageAsync(admin, "/bin?kind=agreement", Ct);
        bin.ShouldContain("Hiệp định Numbatbin về thủy sản");
        bin.ShouldContain("ag-bin-editor@test.local");
        (await admin.PostAsync($"/api/v1/bin/agreement/{agreement.Id}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/agreements/{agreement.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageAsync(admin, $"/commitments/{commitment.Id}", Ct)).ShouldContain("Hiệp định Numbatbin về thủy sản");

        var audit = await PageAsync(admin, $"/audit?entityType=Agreement&entityKey={agreement.Id}", Ct);
        audit.ShouldContain("class=\"audit-action action-deleted\">Xóa</span>");
        audit.ShouldContain("class=\"audit-action action-restored\">Khôi phục</span>");
        audit.ShouldContain("Hiệp định Numbatbin về thủy sản");
    }

    [Fact]
    public async Task A_file_that_names_an_agreement_in_the_bin_is_refused_and_the_binned_agreement_stays_as_it_was()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/agreements",
            AgreementApiTests.Input("bin-ag-imp", "Hiệp định Quokkabin về lâm nghiệp", null, ["AUS"], "2019-06-01"), Ct);
        var agreement = (await created.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        (await admin.DeleteAsync($"/api/v1/agreements/{agreement.Id}?version={agreement.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        const string header = "id,type,channel,title_vi,title_en,parties,our_signatory,their_signatory,signed_date,signed_place,activity_id,entry_into_force,expiry_date,status,themes,owner_unit,classification,source,notes";
        var csv = header + "\nbin-ag-imp,mou,,Hiệp định Quokkabin đã sửa,,AUS,,,2019-06-01,,,,,,,,,,\n";

        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        var response = await admin.PostAsync("/api/v1/agreements/import", content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Unavailable");
        // Restored, it is the agreement as it went to the bin: the refused file changed nothing.
        (await admin.PostAsync($"/api/v1/bin/agreement/{agreement.Id}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var back = (await admin.GetFromJsonAsync<AgreementDetail>($"/api/v1/agreements/{agreement.Id}", Ct))!;
        back.TitleVi.ShouldBe("Hiệp định Quokkabin về lâm nghiệp");
    }

    [Fact]
    public async Task Deleting_through_the_api_is_for_editors_within_their_clearance_and_from_the_version_they_saw()
    {
        var admin = await fixture.App.AdminClientAsync();
        async Task<AgreementDetail> CreateAsync(string reference, string? classification = null) =>
            (await (await admin.PostAsJsonAsync("/api/v1/agreements",
                AgreementApiTests.Input(reference, "Văn kiện " + reference, null, ["USA"], classification: classification), Ct))
                .Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        var open = await CreateAsync("bin-ag-open");
        var secret = await CreateAsync("bin-ag-secret", "confidential");
        var viewer = await fixture.App.UserClientAsync("ag-bin-viewer@test.local", Roles.Viewer, ClassificationLevel.TopSecret);
        var editor = await fixture.App.UserClientAsync("ag-bin-api-editor@test.local", Roles.Officer, ClassificationLevel.Internal);

        (await viewer.DeleteAsync($"/api/v1/agreements/{open.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await editor.DeleteAsync($"/api/v1/agreements/{secret.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editor.DeleteAsync($"/api/v1/agreements/{open.Id}?version={open.Version - 1}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.GetAsync($"/api/v1/agreements/{open.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await editor.DeleteAsync($"/api/v1/agreements/{open.Id}?version={open.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/agreements/{open.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/agreements/{secret.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static void OneThousandPledgedQuarterRealised(RealisationFigures f)
    {
        f.Commitments.ShouldBe(1);
        f.PledgedUsd.ShouldBe(1000m);
        f.RealisedUsd.ShouldBe(250m);
        f.Share.ShouldBe(0.25m);
    }
}

public sealed class AgreementBinTestsOnSqlite(SqliteApp fixture) : AgreementBinTests(fixture), IClassFixture<SqliteApp>;

public sealed class AgreementBinTestsOnPostgres(PostgresApp fixture) : AgreementBinTests(fixture), IClassFixture<PostgresApp>;
