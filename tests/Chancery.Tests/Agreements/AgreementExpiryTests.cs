using System.Net.Http.Json;
using Chancery.Tests.Home;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Api;

namespace Chancery.Tests.Agreements;

/// <summary>An agreement whose expiry date has passed (the sector's day, Asia/Ho_Chi_Minh) shows as expired,
/// whatever was recorded: on its page, in the list and its status filter, and on the partner's page of
/// agreements in force. On its expiry day it is still in force. The app's clock is stopped on Wednesday
/// 11 June 2025 (<see cref="ClockedAppFactory.Now"/>).</summary>
public abstract class AgreementExpiryTests(ClockedAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AgreementDetail> InForceUntilAsync(HttpClient client, string reference, string title, string expiry)
    {
        var response = await client.PostAsJsonAsync("/api/v1/agreements", AgreementApiTests.Input(reference, title, null, ["NZL"], "2015-06-01",
            status: "in_force") with { EntryIntoForce = new DateOnly(2015, 7, 1), ExpiryDate = DateOnly.Parse(expiry) }, Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
    }

    [Fact]
    public async Task Saving_an_agreement_shown_as_expired_keeps_it_in_force_underneath_so_extending_its_expiry_brings_it_back()
    {
        var client = await fixture.App.AdminClientAsync();
        var agreement = await InForceUntilAsync(client, "exp-3", "Hiệp định Kiwiext gia hạn", "2025-06-01");
        agreement.Status.ShouldBe("expired");

        // Edited as it was read (status "expired", as the form shows it): a note added, nothing else.
        var noted = await client.PutAsJsonAsync($"/api/v1/agreements/{agreement.Id}", Edit(agreement) with { Notes = "Đang đàm phán gia hạn" }, Ct);
        noted.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await noted.Content.ReadAsStringAsync(Ct));
        var read = (await noted.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        read.Status.ShouldBe("expired");

        // Then extended by five years, from the same form (still showing "expired"): in force again.
        var extended = await client.PutAsJsonAsync($"/api/v1/agreements/{agreement.Id}", Edit(read) with { ExpiryDate = new DateOnly(2030, 6, 1) }, Ct);
        extended.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await extended.Content.ReadAsStringAsync(Ct));
        (await extended.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!.Status.ShouldBe("in_force");
    }

    private static AgreementInput Edit(AgreementDetail a) => new(a.ExternalRef, a.Type, a.Channel, a.TitleVi, a.TitleEn,
        a.Parties.Select(p => p.Code).ToList(), a.OurSignatory, a.TheirSignatory, a.SignedDate, a.SignedPlace, a.ActivityId,
        a.EntryIntoForce, a.ExpiryDate, a.Status, a.Themes, a.OwnerUnitId, a.Classification, a.Sources, a.Notes, a.Version);

    [Fact]
    public async Task An_agreement_past_its_expiry_date_is_expired_and_one_on_its_last_day_is_still_in_force_until_the_day_turns()
    {
        var client = await fixture.App.AdminClientAsync();
        var lapsed = await InForceUntilAsync(client, "exp-1", "Hiệp định Kiwiexp hết hạn hôm qua", "2025-06-10");
        var lastDay = await InForceUntilAsync(client, "exp-2", "Hiệp định Kiwiexp hết hạn hôm nay", "2025-06-11");

        async Task<List<string>> RefsAsync(string status) =>
            (await client.GetFromJsonAsync<ListResult<AgreementListItem>>($"/api/v1/agreements?q=kiwiexp&status={status}", Ct))!.Items.Select(i => i.ExternalRef).ToList();
        async Task<string> StatusAsync(int id) => (await client.GetFromJsonAsync<AgreementDetail>($"/api/v1/agreements/{id}", Ct))!.Status;

        (await StatusAsync(lapsed.Id)).ShouldBe("expired");
        (await StatusAsync(lastDay.Id)).ShouldBe("in_force");
        (await RefsAsync("expired")).ShouldBe(["exp-1"]);
        (await RefsAsync("in_force")).ShouldBe(["exp-2"]);
        (await client.GetFromJsonAsync<ListResult<AgreementListItem>>("/api/v1/agreements?q=kiwiexp&sort=title", Ct))!.Items
            .Select(i => (i.ExternalRef, i.Status)).ShouldBe([("exp-1", "expired"), ("exp-2", "in_force")], ignoreOrder: true);
        (await client.GetStringAsync("/api/v1/agreements/export?q=kiwiexp", Ct)).ShouldContain(",expired,");
        var partnerPage = Activities.PageHtml.Between(await Activities.PageHtml.PageAsync(client, "/partners/NZL", Ct), "partner-agreements", "</section>");
        partnerPage.ShouldContain("Hiệp định Kiwiexp hết hạn hôm nay");
        partnerPage.ShouldNotContain("Hiệp định Kiwiexp hết hạn hôm qua");

        // 17:00 UTC is already the 12th in Hanoi: the second one has expired too. (The clock cannot go back:
        // this class's app is its own, and this is its only test.)
        fixture.App.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 11, 17, 0, 0, TimeSpan.Zero));
        client = await fixture.App.AdminClientAsync(); // the sign-in of the morning has lapsed by then
        (await StatusAsync(lastDay.Id)).ShouldBe("expired");
        (await RefsAsync("in_force")).ShouldBeEmpty();
    }
}

public sealed class AgreementExpiryTestsOnSqlite(ClockedSqliteApp fixture) : AgreementExpiryTests(fixture), IClassFixture<ClockedSqliteApp>;

public sealed class AgreementExpiryTestsOnPostgres(ClockedPostgresApp fixture) : AgreementExpiryTests(fixture), IClassFixture<ClockedPostgresApp>;
