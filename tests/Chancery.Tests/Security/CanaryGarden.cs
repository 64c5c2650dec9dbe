using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Commitments;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Agreements;
using Chancery.Web.Commitments;
using Chancery.Web.Common.Classification;

namespace Chancery.Tests.Security;

/// <summary>The records planted at one classification level, each carrying the level's canary (a word
/// found nowhere else) in its texts.</summary>
public sealed record CanaryRecords(
    ClassificationLevel Level, string Canary, string PartnerCode, int VisitId, int TripId, int PersonId,
    int AgreementId, int AgreementDocumentId, int CommitmentId, int DeliveryId, int DirectiveId, int TaskId, int ProgressId, int TaskDocumentId);

/// <summary>One record per classification level in every module, stored through the API by the
/// (top-secret) administrator, so that what the app derives from them (people and office periods of an
/// import, legs, audit entries, search entries, report inputs) is made as it is in use. The year 2026
/// holds nothing else: a report over it counts only these records.</summary>
public static class CanaryGarden
{
    public static readonly ClassificationLevel[] Levels = Enum.GetValues<ClassificationLevel>();

    /// <summary>"CnrySecretZq": no canary is part of another ("CnryTopSecretZq" does not contain "CnrySecretZq").</summary>
    public static string Canary(ClassificationLevel level) => $"Cnry{level}Zq";

    /// <summary>Activities (incoming visits, trips), commitments (1,000 USD pledged, 100 delivered) and
    /// tasks at each level, all in 2026, from which the tests work out each reader's figures.</summary>
    public const string Year = "2026";
    public const decimal Pledged = 1000m, Delivered = 100m;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<IReadOnlyDictionary<ClassificationLevel, CanaryRecords>> PlantAsync(ChanceryAppFactory app)
    {
        var admin = await app.AdminClientAsync();
        var rows = new StringBuilder(ActivityDataset.Header + "\n");
        foreach (var level in Levels)
        {
            var (canary, code, day) = (Canary(level), level.ToCode(), 10 + (int)level);
            rows.Append($"cnq-{(int)level},incoming_visit,2026-03-{day},2026-03-{day},,Prime Minister,,incoming,NZL,Visitor {canary},Prime Minister,Hanoi {canary},Visit {canary},,,{code},Source {canary},Notes {canary}\n");
        }
        var (imported, outcome) = await ActivityDataset.ImportAsync(admin, rows.ToString());
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, JsonSerializer.Serialize(outcome));

        var planted = new Dictionary<ClassificationLevel, CanaryRecords>();
        foreach (var level in Levels)
        {
            var (canary, code, i) = (Canary(level), level.ToCode(), (int)level);
            var partnerCode = "ZQ" + (char)('A' + i);
            await CreatedAsync(admin, "/api/v1/partners", new
            {
                code = partnerCode, kind = "country", nameVi = "Nước " + canary, nameEn = "Land " + canary, notes = "Notes " + canary, classification = code,
            });
            var trip = await CreatedAsync(admin, "/api/v1/activities", new ActivityInput(null, "official_visit", "outgoing", null,
                new DateOnly(2026, 4, 1 + i), new DateOnly(2026, 4, 3 + i), "Trip " + canary, null, null, null, null, null, null, null, null,
                "Outcome " + canary, null, null, null, code, [new ActivityLegInput("FRA", "Leg" + canary, null, null)], null));
            var visit = await IdWhereAsync(admin, "/api/v1/activities?q=" + Uri.EscapeDataString("Visit " + canary), "title", "Visit " + canary);
            var person = await IdWhereAsync(admin, "/api/v1/people?q=" + Uri.EscapeDataString("Visitor " + canary), "fullName", "Visitor " + canary);

            var agreement = await CreatedAsync(admin, "/api/v1/agreements", new AgreementInput($"cnq-ag-{i}", "mou", "government",
                "Văn kiện " + canary, "Agreement " + canary, ["USA"], "Signer " + canary, null, new DateOnly(2026, 5, 1 + i), "Hà Nội", null,
                null, null, null, [], null, code, "https://example.org/" + canary, "Notes " + canary, null));
            var agreementDocument = await UploadAsync(admin, $"/api/v1/agreements/{agreement}/documents", canary, ("kind", "signed_text"));

            var commitment = await CreatedAsync(admin, "/api/v1/commitments", new CommitmentInput($"cnq-cm-{i}", null, null, "USA", null, "oda",
                "Commitment " + canary, Pledged, "USD", new DateOnly(2026, 6, 1 + i), null, null, null, null, "Source " + canary, "Notes " + canary, code, null));
            var delivered = await admin.PostAsJsonAsync($"/api/v1/commitments/{commitment}/deliveries",
                new DeliveryInput(new DateOnly(2026, 7, 1 + i), Delivered, "Evidence " + canary, "Source " + canary), Ct);
            delivered.IsSuccessStatusCode.ShouldBeTrue(await delivered.Content.ReadAsStringAsync(Ct));
            var delivery = (await delivered.Content.ReadFromJsonAsync<CommitmentDetail>(Ct))!.Deliveries.Single().Id;

            var directiveResponse = await admin.PostAsJsonAsync("/api/v1/directives", new
            {
                number = $"{i + 1}/TB-CNRY", date = $"2026-01-0{i + 1}", issuer = "Issuer " + canary, title = "Directive " + canary, text = "Text " + canary,
                classification = code, tasks = new object[] { new { title = "Task " + canary, leadUnit = "MOFA-ECON", deadline = "2026-11-01", classification = code, notes = "Notes " + canary } },
            }, Ct);
            var directiveBody = await directiveResponse.Content.ReadAsStringAsync(Ct);
            directiveResponse.IsSuccessStatusCode.ShouldBeTrue(directiveBody);
            using var directiveJson = JsonDocument.Parse(directiveBody);
            var directive = directiveJson.RootElement.GetProperty("id").GetInt32();
            var task = directiveJson.RootElement.GetProperty("tasks")[0].GetProperty("id").GetInt32();
            var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}", Ct)).GetProperty("version").GetInt32();
            var progress = await CreatedAsync(admin, $"/api/v1/tasks/{task}/progress", new { date = "2026-02-01", percent = 30, text = "Progress " + canary, version });
            var taskDocument = await UploadAsync(admin, $"/api/v1/tasks/{task}/documents", canary, ("progressId", progress.ToString(System.Globalization.CultureInfo.InvariantCulture)));

            planted[level] = new CanaryRecords(level, canary, partnerCode, visit, trip, person, agreement, agreementDocument, commitment, delivery,
                directive, task, progress, taskDocument);
        }
        return planted;
    }

    private static async Task<int> CreatedAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("id", out var id) ? id.GetInt32() : 0;
    }

    private static async Task<int> IdWhereAsync(HttpClient client, string url, string property, string value)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url, Ct));
        return json.RootElement.GetProperty("items").EnumerateArray().Single(e => e.GetProperty(property).GetString() == value).GetProperty("id").GetInt32();
    }

    /// <summary>A PDF whose bytes carry the canary, named after it.</summary>
    private static async Task<int> UploadAsync(HttpClient client, string url, string canary, (string Name, string Value) field)
    {
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.4\n% {canary}\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { file, "file", $"minutes-{canary}.pdf" }, { new StringContent(field.Value), field.Name } };
        var response = await client.PostAsync(url, form, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetInt32();
    }
}
