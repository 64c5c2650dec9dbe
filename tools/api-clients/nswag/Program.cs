// Runs the integrator's day against a fresh app with the client NSwag generates from its OpenAPI
// document (.ci/check-clients.sh generates it into Generated/): sign in, create an activity, find it
// with a filter, read it, update it, meet the 409 of a stale version with the stored record, import
// the template file, read the annual review, create a personal access token and list activities with it. Any step that fails ends the program with a non-zero code.
using System.Net.Http.Headers;
using Chancery.ClientCheck;
using Chancery.NSwagClient;

var baseUrl = Check.BaseUrl(args);
using var http = new HttpClient();
var client = new ChanceryClient(http) { BaseUrl = baseUrl };
Console.WriteLine($"NSwag client against {baseUrl}");

var tokens = await client.AuthLoginAsync(new LoginRequest { Email = Check.Email(args), Password = Check.Password(args) });
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
Check.That(!string.IsNullOrEmpty(tokens.AccessToken), "signed in with a bearer token");

var title = "NSwag client check " + Guid.NewGuid().ToString("N")[..8];
var created = await client.ActivityCreateAsync(new ActivityInput
{
    Kind = ActivityInputKind.Phone_call, DateStart = new DateOnly(2026, 3, 2), Title = title,
    Status = ActivityInputStatus.Completed, Classification = ActivityInputClassification.Internal,
    Legs = [new ActivityLegInput { CountryIso3 = "JPN" }],
});
Check.That(created.Id > 0 && created.Title == title, $"created activity {created.Id}");

var list = await client.ActivityListAsync(from: new DateOnly(2026, 3, 1), to: new DateOnly(2026, 3, 31), kind: Kind.Phone_call,
    leader: null, partner: "JPN", channel: null, status: null, theme: null, unit: null, q: null, page: null, pageSize: null,
    exactTotal: null, sort: null);
Check.That(list.Items.Any(i => i.Id == created.Id), "the filtered list (kind, partner, dates) finds it");

var read = await client.ActivityGetAsync(created.Id);
Check.That(read.Title == title && read.Version == created.Version, "read it back");

var input = new ActivityInput
{
    Kind = ActivityInputKind.Phone_call, DateStart = read.DateStart, Title = title + " (updated)",
    Status = ActivityInputStatus.Completed, Classification = ActivityInputClassification.Internal,
    Legs = [new ActivityLegInput { CountryIso3 = "JPN" }], Version = read.Version,
};
var updated = await client.ActivityUpdateAsync(created.Id, input);
Check.That(updated.Title == input.Title && updated.Version > read.Version, "updated it with its version");

try
{
    input.Title = title + " (stale)";
    await client.ActivityUpdateAsync(created.Id, input);
    Check.That(false, "a stale version is refused");
}
catch (ApiException<ConflictBodyOfActivityDetail> conflict)
{
    Check.That(conflict.StatusCode == 409 && conflict.Result.Current.Title == updated.Title && conflict.Result.CurrentVersion == updated.Version,
        "a stale version answers 409 with the stored record");
}

var template = await client.GetActivitiesImportTemplateAsync("csv", "en");
using var file = new MemoryStream();
await template.Stream.CopyToAsync(file);
file.Position = 0;
var imported = await client.ActivityImportAsync(dryRun: false, new FileParameter(file, "activities.csv", "text/csv"));
Check.That(imported.Succeeded && imported.Rows.Count >= 1, $"imported the template ({imported.Rows.Count} row)");

var review = await client.ReportAnnualReviewAsync(from: new DateOnly(2026, 1, 1), to: new DateOnly(2026, 12, 31), tier: null, forecast: null);
Check.That(review.Figures is not null, "read the annual review");
// An integration's own credential: a personal access token (read only) made by the signed-in user,
// then sent as the bearer token by a client of its own.
var pat = await client.TokenCreateAsync(new CreateTokenRequest { Name = "NSwag check", Scope = CreateTokenRequestScope.Read, ExpiresInDays = 1 });
Check.That(pat.Token.StartsWith("chpat_", StringComparison.Ordinal), "created a personal access token");
using var patHttp = new HttpClient();
patHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat.Token);
var withPat = await new ChanceryClient(patHttp) { BaseUrl = baseUrl }.ActivityListAsync(from: null, to: null, kind: Kind.Phone_call,
    leader: null, partner: null, channel: null, status: null, theme: null, unit: null, q: null, page: null, pageSize: null,
    exactTotal: null, sort: null);
Check.That(withPat.Items.Any(i => i.Id == created.Id), "listed activities with the personal access token");
Console.WriteLine("NSwag client: every step passed");
