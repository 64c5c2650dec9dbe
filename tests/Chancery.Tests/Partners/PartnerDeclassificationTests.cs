using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Partners.Editing;

namespace Chancery.Tests.Partners;

/// <summary>No silent declassification: an API body that leaves the classification out keeps the
/// stored event's level (the import's side: PartnershipImportTests).</summary>
public abstract class PartnerDeclassificationTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_changed_without_a_classification_keeps_its_level()
    {
        var client = await fixture.App.AdminClientAsync();
        var created = await SecretEventAsync(client, "XDA");

        (await client.PutAsJsonAsync($"/api/v1/partners/XDA/events/{created.Id}",
            new { level = "strategic", establishedDate = "2021", notes = "changed", version = created.Version }, Ct)).EnsureSuccessStatusCode();

        (await EventAsync(client, "XDA", created.Id)).ShouldBe(("changed", "secret"));
    }

    private static async Task<FrameworkEventDetail> SecretEventAsync(HttpClient client, string code)
    {
        (await client.PostAsJsonAsync("/api/v1/partners",
            new { code, kind = "country", nameVi = "Nước thử " + code, nameEn = "Testland " + code }, Ct)).EnsureSuccessStatusCode();
        var response = await client.PostAsJsonAsync($"/api/v1/partners/{code}/events",
            new { level = "strategic", establishedDate = "2021", classification = "secret" }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FrameworkEventDetail>(Ct))!;
    }

    private static async Task<(string? Notes, string Classification)> EventAsync(HttpClient client, string code, int id)
    {
        var detail = await client.GetFromJsonAsync<PartnerDetail>($"/api/v1/partners/{code}", Ct);
        var e = detail!.Events.Single(x => x.Id == id);
        return (e.Notes, e.Classification);
    }
}

public sealed class PartnerDeclassificationTestsOnSqlite(SqliteApp fixture) : PartnerDeclassificationTests(fixture), IClassFixture<SqliteApp>;

public sealed class PartnerDeclassificationTestsOnPostgres(PostgresApp fixture) : PartnerDeclassificationTests(fixture), IClassFixture<PostgresApp>;
