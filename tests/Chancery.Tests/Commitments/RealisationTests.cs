using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Commitments.Realisation;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using static Chancery.Tests.Commitments.CommitmentApi;

namespace Chancery.Tests.Commitments;

/// <summary>The realisation report against figures worked out by hand (in the comments), through
/// GET /api/v1/reports/realisation. Each test uses pledge years of its own, so they share one app.</summary>
public abstract class RealisationTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>2023–2024: partial deliveries, EUR at two yearly rates, JPY, a currency without a rate,
    /// a cancelled and a lapsed commitment, an over-delivery, doses and scholarships apart, one without amount.</summary>
    private static async Task SeedYears2023And2024Async(HttpClient admin)
    {
        if ((await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2023-01-01&to=2024-12-31", Ct))!.Total.Commitments > 0) return;
        await RateAsync(admin, 2023, "EUR", 1.10m);
        await RateAsync(admin, 2024, "EUR", 1.05m);
        await RateAsync(admin, 2023, "JPY", 0.007m);
        // c1: USD 1,000,000, two partial deliveries 250,000 + 150,000.
        var c1 = await CreateAsync(admin, Input("r-c1", "USA", "investment", 1_000_000m, "USD", "2023-03-01"));
        await DeliverAsync(admin, c1.Id, "2023-05-01", 250_000m);
        await DeliverAsync(admin, c1.Id, "2023-09-01", 150_000m);
        // c2: EUR 2,000,000 pledged in 2023 (rate 1.10); 500,000 delivered in 2024, still at the 2023 rate.
        var c2 = await CreateAsync(admin, Input("r-c2", "FRA", "oda", 2_000_000m, "EUR", "2023-06-01"));
        await DeliverAsync(admin, c2.Id, "2024-04-01", 500_000m);
        // c3: EUR 1,000,000 pledged in 2024 (rate 1.05), all delivered.
        var c3 = await CreateAsync(admin, Input("r-c3", "DEU", "grant", 1_000_000m, "EUR", "2024-02-01"));
        await DeliverAsync(admin, c3.Id, "2024-06-01", 1_000_000m);
        // c4: JPY 100,000,000 in 2023 (0.007), nothing delivered.
        await CreateAsync(admin, Input("r-c4", "JPN", "loan", 100_000_000m, "JPY", "2023-07-01"));
        // c5: KRW 5,000,000,000 in 2024: no KRW rate for 2024.
        await CreateAsync(admin, Input("r-c5", "KOR", "investment", 5_000_000_000m, "KRW", "2024-03-01"));
        // c6: cancelled after a delivery of 100: left out entirely.
        var c6 = await CreateAsync(admin, Input("r-c6", "USA", "trade", 9_999_999m, "USD", "2024-01-15"));
        c6 = await DeliverAsync(admin, c6.Id, "2024-02-15", 100m);
        await MovedAsync(admin, c6.Id, "cancelled", c6.Version);
        // c7: USD 300,000 in 2024, lapsed without delivery: stays in, realised 0.
        var c7 = await CreateAsync(admin, Input("r-c7", "USA", "investment", 300_000m, "USD", "2024-05-01"));
        await MovedAsync(admin, c7.Id, "lapsed", c7.Version);
        // c8: USD 100,000 in 2024, 130,000 delivered: realised 100,000, over-delivered 30,000.
        var c8 = await CreateAsync(admin, Input("r-c8", "USA", "grant", 100_000m, "USD", "2024-06-01"));
        await DeliverAsync(admin, c8.Id, "2024-08-01", 130_000m);
        // c9: 1,000,000 doses in 2023, delivered 600,000 + 500,000.
        var c9 = await CreateAsync(admin, Input("r-c9", "JPN", "health", 1_000_000m, "doses", "2023-08-01"));
        await DeliverAsync(admin, c9.Id, "2023-09-01", 600_000m);
        await DeliverAsync(admin, c9.Id, "2023-10-01", 500_000m);
        // c10: 500,000 doses in 2024, nothing delivered.
        await CreateAsync(admin, Input("r-c10", "USA", "health", 500_000m, "doses", "2024-07-01"));
        // c11: a market opened, no amount: counted, not summed.
        await CreateAsync(admin, Input("r-c11", "AUS", "trade", null, null, "2024-09-01"));
        // c12: 100 scholarships in 2023, 40 delivered.
        var c12 = await CreateAsync(admin, Input("r-c12", "AUS", "education", 100m, "scholarships", "2023-10-01"));
        await DeliverAsync(admin, c12.Id, "2024-09-01", 40m);
    }

    [Fact]
    public async Task The_totals_follow_the_rules_worked_out_by_hand()
    {
        var admin = await fixture.App.AdminClientAsync();
        await SeedYears2023And2024Async(admin);

        var report = await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2023-01-01&to=2024-12-31&by=year", Ct);

        // Counted: every commitment but the cancelled c6 = 11.
        // Pledged USD: c1 1,000,000 + c2 2,000,000×1.10 = 2,200,000 + c3 1,000,000×1.05 = 1,050,000 + c4 100,000,000×0.007 = 700,000
        //   + c7 300,000 + c8 100,000 = 5,350,000 (c5 has no rate, c9–c12 are counts or no amount).
        // Realised: c1 400,000 + c2 500,000×1.10 = 550,000 + c3 1,050,000 + c4 0 + c7 0 + c8 min(130,000, 100,000) = 100,000 → 2,100,000.
        // Over-delivered: c8 30,000. Share: 2,100,000 / 5,350,000 = 0.392523… → 0.3925.
        var t = report!.Total;
        t.Commitments.ShouldBe(11);
        t.PledgedUsd.ShouldBe(5_350_000m);
        t.RealisedUsd.ShouldBe(2_100_000m);
        t.OverDeliveredUsd.ShouldBe(30_000m);
        t.Share.ShouldBe(0.3925m);
        // Doses: 1,000,000 + 500,000 pledged, 600,000 + 500,000 delivered; scholarships 100 and 40.
        t.Counts.Select(c => (c.Unit, c.Pledged, c.Delivered)).ShouldBe([("doses", 1_500_000m, 1_100_000m), ("scholarships", 100m, 40m)]);
        // KRW has no 2024 rate: listed, never guessed.
        report.Unconverted.Select(u => (u.Ref, u.Unit, u.Year)).ShouldBe([("r-c5", "KRW", 2024)]);

        // 2023: c1, c2, c4, c9, c12 → pledged 1,000,000 + 2,200,000 + 700,000 = 3,900,000; realised 400,000 + 550,000 = 950,000;
        //   share 950,000 / 3,900,000 = 0.243589… → 0.2436.
        // 2024: c3, c5, c7, c8, c10, c11 → pledged 1,050,000 + 300,000 + 100,000 = 1,450,000; realised 1,050,000 + 100,000 = 1,150,000;
        //   share 1,150,000 / 1,450,000 = 0.793103… → 0.7931; over-delivered 30,000.
        report.Groups.Select(g => (g.Key, g.Commitments, g.PledgedUsd, g.RealisedUsd, g.OverDeliveredUsd, g.Share)).ShouldBe(
        [
            ("2023", 5, 3_900_000m, 950_000m, 0m, (decimal?)0.2436m),
            ("2024", 6, 1_450_000m, 1_150_000m, 30_000m, (decimal?)0.7931m),
        ]);
    }

    [Fact]
    public async Task By_partner_a_partner_with_only_counts_or_unconverted_money_has_no_share()
    {
        var admin = await fixture.App.AdminClientAsync();
        await SeedYears2023And2024Async(admin);

        var report = await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2023-01-01&to=2024-12-31&by=partner", Ct);

        var groups = report!.Groups.ToDictionary(g => g.Key!);
        groups.Keys.ShouldBe(["AUS", "DEU", "FRA", "JPN", "KOR", "USA"]);
        // USA: c1, c7, c8, c10 (c6 cancelled) → pledged 1,000,000 + 300,000 + 100,000 = 1,400,000; realised 400,000 + 0 + 100,000 = 500,000;
        //   share 500,000 / 1,400,000 = 0.357142… → 0.3571; 500,000 doses pledged, none delivered.
        var usa = groups["USA"];
        (usa.Commitments, usa.PledgedUsd, usa.RealisedUsd, usa.OverDeliveredUsd, usa.Share).ShouldBe((4, 1_400_000m, 500_000m, 30_000m, (decimal?)0.3571m));
        usa.Counts.Select(c => (c.Unit, c.Pledged, c.Delivered)).ShouldBe([("doses", 500_000m, 0m)]);
        // AUS: a market opening and scholarships: two commitments, nothing in money, no share.
        (groups["AUS"].Commitments, groups["AUS"].PledgedUsd, groups["AUS"].Share).ShouldBe((2, 0m, (decimal?)null));
        // KOR: only the unconverted KRW pledge.
        (groups["KOR"].Commitments, groups["KOR"].PledgedUsd, groups["KOR"].Share).ShouldBe((1, 0m, (decimal?)null));
        // JPN: c4 700,000 pledged, nothing realised → share 0.
        (groups["JPN"].PledgedUsd, groups["JPN"].Share).ShouldBe((700_000m, (decimal?)0m));
    }

    [Fact]
    public async Task By_sector_and_by_unit_the_same_commitments_group_by_their_sector_and_their_owning_unit()
    {
        var admin = await fixture.App.AdminClientAsync();
        await SeedYears2023And2024Async(admin);

        var bySector = await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2023-01-01&to=2024-12-31&by=sector", Ct);
        var byUnit = await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2023-01-01&to=2024-12-31&by=unit", Ct);

        // education: c12 (scholarships). grant: c3 1,050,000 all realised + c8 100,000 realised, 30,000 over → share 1.
        // health: c9, c10 (doses). investment: c1 1,000,000 (400,000 realised), c5 (KRW, unconverted), c7 300,000 (none)
        //   → 1,300,000 pledged, 400,000 realised, 400,000 / 1,300,000 = 0.307692… → 0.3077. loan: c4 700,000, none → 0.
        // oda: c2 2,200,000, 550,000 realised → 0.25. trade: c11 (no amount; c6 cancelled).
        bySector!.Groups.Select(g => (g.Key, g.Commitments, g.PledgedUsd, g.RealisedUsd, g.OverDeliveredUsd, g.Share)).ShouldBe(
        [
            ("education", 1, 0m, 0m, 0m, (decimal?)null),
            ("grant", 2, 1_150_000m, 1_150_000m, 30_000m, (decimal?)1m),
            ("health", 2, 0m, 0m, 0m, (decimal?)null),
            ("investment", 3, 1_300_000m, 400_000m, 0m, (decimal?)0.3077m),
            ("loan", 1, 700_000m, 0m, 0m, (decimal?)0m),
            ("oda", 1, 2_200_000m, 550_000m, 0m, (decimal?)0.25m),
            ("trade", 1, 0m, 0m, 0m, (decimal?)null),
        ]);
        bySector.Groups.Single(g => g.Key == "health").Counts.Select(c => (c.Unit, c.Pledged, c.Delivered)).ShouldBe([("doses", 1_500_000m, 1_100_000m)]);
        bySector.Unconverted.Select(u => u.Ref).ShouldBe(["r-c5"]);
        // No commitment of these years names an owning unit: one group without a key, with all eleven and the totals above.
        var none = byUnit!.Groups.ShouldHaveSingleItem();
        (none.Key, none.Commitments, none.PledgedUsd, none.RealisedUsd, none.OverDeliveredUsd).ShouldBe(((string?)null, 11, 5_350_000m, 2_100_000m, 30_000m));
    }

    [Fact]
    public async Task Amounts_are_rounded_to_cents_after_conversion_and_a_rate_entered_later_converts()
    {
        var admin = await fixture.App.AdminClientAsync();
        // 2021: JPY 123,456,789 at 0.00713 = 880,246.905… USD → 880,246.91 (cents); 1,000,000 JPY delivered = 7,130 USD.
        var c = await CreateAsync(admin, Input("round-1", "JPN", "loan", 123_456_789m, "JPY", "2021-04-01"));
        await DeliverAsync(admin, c.Id, "2021-06-01", 1_000_000m);
        var before = await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2021-01-01&to=2021-12-31", Ct);
        before!.Unconverted.Select(u => u.Ref).ShouldBe(["round-1"]);
        before.Total.PledgedUsd.ShouldBe(0m);

        await RateAsync(admin, 2021, "JPY", 0.00713m);

        var after = await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2021-01-01&to=2021-12-31", Ct);
        after!.Unconverted.ShouldBeEmpty();
        after.Total.PledgedUsd.ShouldBe(880_246.91m);
        after.Total.RealisedUsd.ShouldBe(7_130m);
        // 7,130 / 880,246.905… = 0.0081000… → 0.0081.
        after.Total.Share.ShouldBe(0.0081m);
    }

    [Fact]
    public async Task A_commitment_above_the_readers_clearance_leaves_no_trace_in_figures_or_lists()
    {
        var admin = await fixture.App.AdminClientAsync();
        // 2019: USD 1,000 (internal, 400 delivered) and a confidential USD 9,000 (9,000 delivered) and a confidential KRW pledge.
        if ((await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2019-01-01&to=2019-12-31", Ct))!.Total.Commitments == 0)
        {
            var open = await CreateAsync(admin, Input("clr-open", "SGP", "trade", 1_000m, "USD", "2019-03-01"));
            await DeliverAsync(admin, open.Id, "2019-04-01", 400m);
            var hidden = await CreateAsync(admin, Input("clr-hidden", "SGP", "trade", 9_000m, "USD", "2019-03-01", classification: "confidential"));
            await DeliverAsync(admin, hidden.Id, "2019-04-01", 9_000m);
            await CreateAsync(admin, Input("clr-hidden-krw", "SGP", "trade", 5_000m, "KRW", "2019-03-01", classification: "confidential"));
        }
        var viewer = await fixture.App.UserClientAsync("realisation-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var seen = await viewer.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2019-01-01&to=2019-12-31&by=partner", Ct);
        var all = await admin.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2019-01-01&to=2019-12-31&by=partner", Ct);

        // The viewer: only clr-open → 1 commitment, 1,000 pledged, 400 realised, share 0.4, nothing unconverted.
        (seen!.Total.Commitments, seen.Total.PledgedUsd, seen.Total.RealisedUsd, seen.Total.Share).ShouldBe((1, 1_000m, 400m, (decimal?)0.4m));
        seen.Unconverted.ShouldBeEmpty();
        seen.Groups.Single().Commitments.ShouldBe(1);
        // The administrator: 3 commitments, 10,000 pledged, 9,400 realised → 0.94, the KRW pledge unconverted.
        (all!.Total.Commitments, all.Total.PledgedUsd, all.Total.RealisedUsd, all.Total.Share).ShouldBe((3, 10_000m, 9_400m, (decimal?)0.94m));
        all.Unconverted.Select(u => u.Ref).ShouldBe(["clr-hidden-krw"]);
        // Nor do the list, the search or the detail show it.
        var list = await viewer.GetStringAsync("/api/v1/commitments?partner=SGP", Ct);
        list.ShouldNotContain("clr-hidden");
        var hiddenId = (await admin.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<Chancery.Web.Commitments.CommitmentListItem>>(
            "/api/v1/commitments?q=clr-hidden-krw", Ct))!.Items.Single().Id;
        (await viewer.GetAsync($"/api/v1/commitments/{hiddenId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_grouping_is_refused_naming_the_parameter()
    {
        var admin = await fixture.App.AdminClientAsync();

        var response = await admin.GetAsync("/api/v1/reports/realisation?by=country", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("by")[0].GetString()!.ShouldContain("partner, sector, year, unit");
    }
}

public sealed class RealisationTestsOnSqlite(SqliteApp fixture) : RealisationTests(fixture), IClassFixture<SqliteApp>;

public sealed class RealisationTestsOnPostgres(PostgresApp fixture) : RealisationTests(fixture), IClassFixture<PostgresApp>;
