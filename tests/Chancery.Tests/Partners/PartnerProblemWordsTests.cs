using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Partners.Editing;

namespace Chancery.Tests.Partners;

/// <summary>A refused partner write through the API: 400 naming the field, worded in the caller's
/// Accept-Language (English when none is given), and nothing stored.</summary>
public abstract class PartnerProblemWordsTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_over_long_name_answers_400_on_its_field_in_the_callers_language()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners",
            new { code = "XAH", kind = "country", nameVi = "Nước thử XAH", nameEn = "Testland XAH" }, Ct)).EnsureSuccessStatusCode();
        var input = PartnerInput.From((await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XAH", Ct))!);
        input.NameEn = new string('x', 1200);

        var english = await ErrorsAsync(await PutAsync(client, "/api/v1/partners/XAH", input, acceptLanguage: null));
        var vietnamese = await ErrorsAsync(await PutAsync(client, "/api/v1/partners/XAH", input, acceptLanguage: "vi"));

        english.Keys.ShouldBe(["nameEn"]);
        english["nameEn"].ShouldBe(["At most 200 characters."]);
        vietnamese.Keys.ShouldBe(["nameEn"]);
        vietnamese["nameEn"].ShouldBe(["Tối đa 200 ký tự."]);
        (await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XAH", Ct))!.NameEn.ShouldBe("Testland XAH");
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(acceptLanguage));
        return client.SendAsync(request, Ct);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}

public sealed class PartnerProblemWordsTestsOnSqlite(SqliteApp fixture) : PartnerProblemWordsTests(fixture), IClassFixture<SqliteApp>;

public sealed class PartnerProblemWordsTestsOnPostgres(PostgresApp fixture) : PartnerProblemWordsTests(fixture), IClassFixture<PostgresApp>;
