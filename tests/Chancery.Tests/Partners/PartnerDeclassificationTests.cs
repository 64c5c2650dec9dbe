using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Partners.Editing;

namespace Chancery.Tests.Partners;

/// <summary>No silent declassification: a write that leaves the classification out (an API body
/// without it, an import file without the column) keeps the stored event's level.</summary>
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

    [Fact]
    public async Task An_imported_row_without_a_classification_keeps_the_events_level()
    {
        var client = await fixture.App.AdminClientAsync();
        var created = await SecretEventAsync(client, "XDB");
        var csv = "partner_iso3,partner_name,level,established_date,previous_level,source,notes\n" +
                  "XDB,Testland,strategic,2021,,,imported\n";
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "x.csv");

        (await client.PostAsync("/api/v1/partnerships/import", form, Ct)).EnsureSuccessStatusCode();

        (await EventAsync(client, "XDB", created.Id)).ShouldBe(("imported", "secret"));
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
