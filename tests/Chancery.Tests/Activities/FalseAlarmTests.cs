using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Activities;

/// <summary>Fewer false alarms: one wrong end date is one problem (not one more per leg), and side
/// meetings of one conference are not a leader's double booking, while a real one still is.</summary>
public abstract class FalseAlarmTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_end_date_before_the_start_is_one_problem_whatever_the_legs()
    {
        var client = await fixture.App.AdminClientAsync();
        // The end was typed as 2 May instead of 12 May: the three legs (within 2-12 May) are fine.
        var input = new ActivityInput(
            ExternalRef: null, Kind: "official_visit", Direction: null, Status: null, DateStart: new DateOnly(2025, 5, 2), DateEnd: new DateOnly(2025, 4, 12),
            Title: "Three-leg trip", HostOrVenue: null, Channel: null, LeadPersonId: null, LeaderRoleText: "Thủ tướng",
            CounterpartPersonId: null, CounterpartRoleText: null, PartOfId: null, OwnerUnitId: null, Outcomes: null,
            Themes: null, Sources: null, Notes: null, Classification: null,
            Legs:
            [
                new("FRA", null, new DateOnly(2025, 5, 2), new DateOnly(2025, 5, 5)),
                new("DEU", null, new DateOnly(2025, 5, 6), new DateOnly(2025, 5, 9)),
                new("ITA", null, new DateOnly(2025, 5, 10), new DateOnly(2025, 5, 12)),
            ], Version: null);

        var response = await client.PostAsJsonAsync("/api/v1/activities", input, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = body.RootElement.GetProperty("errors").EnumerateObject().ToList();
        errors.Select(e => e.Name).ShouldBe(["dateEnd"]);
        errors[0].Value.GetArrayLength().ShouldBe(1);
    }

    // A conference with two side meetings on the same day, and, on that day too, a call that belongs to
    // neither: the meetings do not clash with each other, the call clashes with both.
    private const string SideMeetings = ActivityDataset.Header + "\n" +
        "sm-conf,multilateral_conference,2025-11-10,2025-11-11,completed,Deputy Prime Minister,Trần Hội Nghị,,SGP,,,Singapore,Summit in Singapore,,,,,\n" +
        "sm-a,bilateral_meeting,2025-11-10,2025-11-10,completed,Deputy Prime Minister,Trần Hội Nghị,,JPN,,,Singapore,Side meeting with Japan,sm-conf,,,,\n" +
        "sm-b,bilateral_meeting,2025-11-10,2025-11-10,completed,Deputy Prime Minister,Trần Hội Nghị,,KOR,,,Singapore,Side meeting with Korea,sm-conf,,,,\n" +
        "sm-call,phone_call,2025-11-10,2025-11-10,completed,Deputy Prime Minister,Trần Hội Nghị,,USA,,,,Call with Washington,,,,,\n";

    [Fact]
    public async Task Side_meetings_of_one_conference_are_not_a_double_booking_but_a_call_elsewhere_is()
    {
        var client = await fixture.App.AdminClientAsync();
        var (imported, outcome) = await ActivityDataset.ImportAsync(client, SideMeetings);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("; ", outcome?.Problems.Select(p => p.Reason) ?? []));

        var meeting = await PageAsync(client, $"/activities/{await IdOfAsync(client, "sm-a")}", Ct);
        var call = await PageAsync(client, $"/activities/{await IdOfAsync(client, "sm-call")}", Ct);

        var warning = Between(meeting, "overlap-warning", "</div>");
        warning.ShouldContain("Call with Washington");
        warning.ShouldNotContain("Side meeting with Korea");
        warning.ShouldNotContain("Summit in Singapore");
        var callWarning = Between(call, "overlap-warning", "</div>");
        callWarning.ShouldContain("Side meeting with Japan");
        callWarning.ShouldContain("Side meeting with Korea");
        callWarning.ShouldContain("Summit in Singapore");
    }
}

public sealed class FalseAlarmTestsOnSqlite(SqliteApp fixture) : FalseAlarmTests(fixture), IClassFixture<SqliteApp>;

public sealed class FalseAlarmTestsOnPostgres(PostgresApp fixture) : FalseAlarmTests(fixture), IClassFixture<PostgresApp>;
