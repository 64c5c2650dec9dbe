using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Commitments;
using static Chancery.Tests.Commitments.CommitmentApi;

namespace Chancery.Tests.Commitments;

/// <summary>The status workflow through the API: open → in_progress → fulfilled | partially_fulfilled | lapsed,
/// cancelled from any unfinished state, everything else refused with the reason, in the reader's language.</summary>
public abstract class CommitmentWorkflowTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Code, string Message)> RefusalAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (problem.GetProperty("codes").GetProperty(field)[0].GetString()!, problem.GetProperty("errors").GetProperty(field)[0].GetString()!);
    }

    [Fact]
    public async Task A_first_delivery_starts_an_open_commitment_and_a_second_leaves_it_in_progress()
    {
        var admin = await fixture.App.AdminClientAsync();
        var c = await CreateAsync(admin, Input("wf-first", "JPN", "oda", 10_000m, "USD", "2016-01-10"));
        c.Status.ShouldBe("open");

        var first = await DeliverAsync(admin, c.Id, "2016-02-01", 4_000m);
        var second = await DeliverAsync(admin, c.Id, "2016-03-01", 2_500m);

        first.Status.ShouldBe("in_progress");
        second.Status.ShouldBe("in_progress");
        second.Deliveries.Count.ShouldBe(2);
        second.Delivered.ShouldBe(6_500m);
    }

    [Fact]
    public async Task Fulfilled_is_refused_for_an_open_commitment_and_allowed_once_in_progress()
    {
        var admin = await fixture.App.AdminClientAsync();
        var c = await CreateAsync(admin, Input("wf-fulfil", "JPN", "oda", 10_000m, "USD", "2016-01-11"));

        var refused = await RefusalAsync(await MoveAsync(admin, c.Id, "fulfilled", c.Version), "status");
        refused.Code.ShouldBe(CommitmentErrors.StatusNeedsProgress);
        refused.Message.ShouldBe("A commitment is fulfilled (fully or in part) only after it is in progress.");

        var started = await MovedAsync(admin, c.Id, "in_progress", c.Version);
        var done = await MovedAsync(admin, c.Id, "fulfilled", started.Version);
        done.Status.ShouldBe("fulfilled");
        done.NextStatuses.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_finished_commitment_does_not_move_again_and_nothing_goes_back_to_open()
    {
        var admin = await fixture.App.AdminClientAsync();
        var lapsed = await CreateAsync(admin, Input("wf-lapsed", "JPN", "oda", 10_000m, "USD", "2016-01-12"));
        lapsed = await MovedAsync(admin, lapsed.Id, "lapsed", lapsed.Version);
        var started = await CreateAsync(admin, Input("wf-back", "JPN", "oda", 10_000m, "USD", "2016-01-12"));
        started = await DeliverAsync(admin, started.Id, "2016-02-01", 1m);

        (await RefusalAsync(await MoveAsync(admin, lapsed.Id, "cancelled", lapsed.Version), "status")).Code.ShouldBe(CommitmentErrors.StatusFinished);
        (await RefusalAsync(await MoveAsync(admin, lapsed.Id, "in_progress", lapsed.Version), "status")).Code.ShouldBe(CommitmentErrors.StatusFinished);
        (await RefusalAsync(await MoveAsync(admin, started.Id, "open", started.Version), "status")).Code.ShouldBe(CommitmentErrors.StatusBackToOpen);
    }

    [Fact]
    public async Task Cancelled_from_open_and_from_in_progress_and_a_cancelled_commitment_takes_no_delivery()
    {
        var admin = await fixture.App.AdminClientAsync();
        var open = await CreateAsync(admin, Input("wf-cancel-open", "JPN", "oda", 10_000m, "USD", "2016-01-13"));
        var running = await DeliverAsync(admin, (await CreateAsync(admin, Input("wf-cancel-run", "JPN", "oda", 10_000m, "USD", "2016-01-13"))).Id, "2016-02-01", 5m);

        (await MovedAsync(admin, open.Id, "cancelled", open.Version)).Status.ShouldBe("cancelled");
        (await MovedAsync(admin, running.Id, "cancelled", running.Version)).Status.ShouldBe("cancelled");

        var delivery = await admin.PostAsJsonAsync($"/api/v1/commitments/{open.Id}/deliveries", new DeliveryInput(new DateOnly(2016, 3, 1), 5m, null, null), Ct);
        (await RefusalAsync(delivery, "commitment")).Code.ShouldBe(CommitmentErrors.DeliveryToCancelled);
    }

    [Fact]
    public async Task The_refusal_is_worded_in_Vietnamese_for_a_Vietnamese_reader()
    {
        var admin = await fixture.App.AdminClientAsync();
        var c = await CreateAsync(admin, Input("wf-vi", "JPN", "oda", 10_000m, "USD", "2016-01-14"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/commitments/{c.Id}/status")
        {
            Content = JsonContent.Create(new CommitmentStatusInput("partially_fulfilled", c.Version)),
        };
        request.Headers.AcceptLanguage.ParseAdd("vi");

        var (code, message) = await RefusalAsync(await admin.SendAsync(request, Ct), "status");

        code.ShouldBe(CommitmentErrors.StatusNeedsProgress);
        message.ShouldBe("Cam kết chỉ hoàn thành (toàn bộ hay một phần) sau khi đã được thực hiện.");
    }

    [Fact]
    public async Task A_stale_edit_answers_409_with_the_stored_commitment()
    {
        var admin = await fixture.App.AdminClientAsync();
        var c = await CreateAsync(admin, Input("wf-stale", "JPN", "oda", 10_000m, "USD", "2016-01-15"));
        var edit = Input("wf-stale", "JPN", "oda", 12_000m, "USD", "2016-01-15") with { Version = c.Version };
        (await admin.PutAsJsonAsync($"/api/v1/commitments/{c.Id}", edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await admin.PutAsJsonAsync($"/api/v1/commitments/{c.Id}", edit with { Amount = 15_000m }, Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("current").GetProperty("amount").GetDecimal().ShouldBe(12_000m);
    }

    [Fact]
    public async Task A_commitment_past_its_due_date_and_not_fulfilled_is_flagged_and_listed_as_overdue()
    {
        var admin = await fixture.App.AdminClientAsync();
        var late = await CreateAsync(admin, Input("wf-late", "THA", "trade", 1m, "USD", "2016-02-01", due: "2016-06-30"));
        var done = await CreateAsync(admin, Input("wf-done", "THA", "trade", 1m, "USD", "2016-02-01", due: "2016-06-30"));
        done = await DeliverAsync(admin, done.Id, "2016-03-01", 1m);
        await MovedAsync(admin, done.Id, "fulfilled", done.Version);

        var overdue = await admin.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<CommitmentListItem>>("/api/v1/commitments?partner=THA&due=overdue", Ct);

        overdue!.Items.Select(i => (i.ExternalRef, i.Overdue)).ShouldBe([("wf-late", true)]);
        (await admin.GetFromJsonAsync<CommitmentDetail>($"/api/v1/commitments/{late.Id}", Ct))!.Overdue.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_problem_of_a_commitment_is_named_by_its_field()
    {
        var admin = await fixture.App.AdminClientAsync();
        var input = new CommitmentInput(null, null, null, "XXX", "sideways", "oda", " ", -5m, "bananas", new DateOnly(2016, 5, 1),
            new DateOnly(2016, 4, 1), null, null, null, null, null, null, null);

        var response = await admin.PostAsJsonAsync("/api/v1/commitments", input, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("codes").EnumerateObject().Select(p => p.Name).ShouldBe(
            ["partnerCode", "title", "direction", "unit", "amount", "dueDate", "sources"], ignoreOrder: true);
    }
}

public sealed class CommitmentWorkflowTestsOnSqlite(SqliteApp fixture) : CommitmentWorkflowTests(fixture), IClassFixture<SqliteApp>;

public sealed class CommitmentWorkflowTestsOnPostgres(PostgresApp fixture) : CommitmentWorkflowTests(fixture), IClassFixture<PostgresApp>;
