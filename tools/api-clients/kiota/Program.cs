// Runs the integrator's day against a fresh app with the client Kiota generates from its OpenAPI
// document (.ci/check-clients.sh generates it into Generated/): sign in, create an activity, find it
// with a filter, read it, update it, meet the 409 of a stale version with the stored record, import
// the template file, read the annual review, create a personal access token and list activities with it. Any step that fails ends the program with a non-zero code.
using Chancery.Client;
using Chancery.Client.Api.V1.Activities;
using Chancery.Client.Api.V1.Activities.Import;
using Chancery.Client.Models;
using Chancery.ClientCheck;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

var baseUrl = Check.BaseUrl(args);
Console.WriteLine($"Kiota client against {baseUrl}");

var anonymous = new ChanceryClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = baseUrl });
var tokens = await anonymous.Api.V1.Auth.Login.PostAsync(new LoginRequest { Email = Check.Email(args), Password = Check.Password(args) });
Check.That(!string.IsNullOrEmpty(tokens?.AccessToken), "signed in with a bearer token");

var bearer = new BaseBearerTokenAuthenticationProvider(new FixedToken(tokens!.AccessToken!, new Uri(baseUrl).Host));
var adapter = new HttpClientRequestAdapter(bearer) { BaseUrl = baseUrl };
var client = new ChanceryClient(adapter);

var title = "Kiota client check " + Guid.NewGuid().ToString("N")[..8];
ActivityInput Input(string text, int? version) => new()
{
    Kind = ActivityInput_kind.Phone_call, DateStart = new Date(2026, 3, 3), Title = text,
    Status = ActivityInput_status.Completed, Classification = ActivityInput_classification.Internal,
    Legs = [new ActivityLegInput { CountryIso3 = "JPN" }], Version = version,
};
var created = await client.Api.V1.Activities.PostAsync(Input(title, null));
Check.That(created?.Id > 0 && created.Title == title, $"created activity {created?.Id}");

var list = await client.Api.V1.Activities.GetAsync(c =>
{
    c.QueryParameters.Kind = GetKindQueryParameterType.Phone_call;
    c.QueryParameters.Partner = "JPN";
    c.QueryParameters.From = new Date(2026, 3, 1);
    c.QueryParameters.To = new Date(2026, 3, 31);
});
Check.That(list?.Items?.Any(i => i.Id == created!.Id) == true, "the filtered list (kind, partner, dates) finds it");

var read = await client.Api.V1.Activities[created!.Id!.Value].GetAsync();
Check.That(read?.Title == title, "read it back");

var updated = await client.Api.V1.Activities[created.Id.Value].PutAsync(Input(title + " (updated)", read!.Version));
Check.That(updated?.Title == title + " (updated)" && updated.Version > read.Version, "updated it with its version");

try
{
    await client.Api.V1.Activities[created.Id.Value].PutAsync(Input(title + " (stale)", read.Version));
    Check.That(false, "a stale version is refused");
}
catch (ConflictBodyOfActivityDetail conflict)
{
    Check.That(conflict.ResponseStatusCode == 409 && conflict.Current?.Title == updated!.Title && conflict.CurrentVersion == updated.Version,
        "a stale version answers 409 with the stored record");
}

await using var template = await client.Api.V1.Activities.Import.Template.GetAsync(c => { c.QueryParameters.Format = "csv"; c.QueryParameters.Culture = "en"; });
using var file = new MemoryStream();
await template!.CopyToAsync(file);
// Kiota types the multipart body (ImportPostRequestBody) but its C# runtime serialises only its generic
// MultipartBody (microsoft/kiota-dotnet#536), so the request is built from the generated builder's address
// (the generated builder would serialise the typed body too) with a MultipartBody holding the file part.
var multipart = new MultipartBody();
file.Position = 0;
multipart.AddOrReplacePart("file", "text/csv", file, "activities.csv");
var request = new RequestInformation { HttpMethod = Method.POST, URI = new Uri(baseUrl + "/api/v1/activities/import") };
request.SetContentFromParsable(adapter, "multipart/form-data", multipart);
var imported = await adapter.SendAsync(request, ImportOutcome.CreateFromDiscriminatorValue);
Check.That(imported?.Succeeded == true && imported.Rows?.Count >= 1, $"imported the template ({imported?.Rows?.Count} row)");

var review = await client.Api.V1.Reports.AnnualReview.GetAsync(c => { c.QueryParameters.From = new Date(2026, 1, 1); c.QueryParameters.To = new Date(2026, 12, 31); });
Check.That(review?.Figures is not null, "read the annual review");
// An integration's own credential: a personal access token (read only) made by the signed-in user,
// then sent as the bearer token by a client of its own.
var pat = await client.Api.V1.Tokens.PostAsync(new CreateTokenRequest { Name = "Kiota check", Scope = CreateTokenRequest_scope.Read, ExpiresInDays = 1 });
Check.That(pat?.Token?.StartsWith("chpat_") == true, "created a personal access token");
var patClient = new ChanceryClient(new HttpClientRequestAdapter(
    new BaseBearerTokenAuthenticationProvider(new FixedToken(pat!.Token!, new Uri(baseUrl).Host))) { BaseUrl = baseUrl });
var withPat = await patClient.Api.V1.Activities.GetAsync(c => c.QueryParameters.Kind = GetKindQueryParameterType.Phone_call);
Check.That(withPat?.Items?.Any(i => i.Id == created.Id) == true, "listed activities with the personal access token");
Console.WriteLine("Kiota client: every step passed");

/// <summary>The token answered by sign-in, for every request to the app's own host.</summary>
sealed class FixedToken(string token, string host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);
    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default) => Task.FromResult(token);
}
