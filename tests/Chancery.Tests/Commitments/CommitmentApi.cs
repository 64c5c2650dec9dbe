using System.Net.Http.Json;
using Chancery.Web.Commitments;

namespace Chancery.Tests.Commitments;

/// <summary>Recording commitments, deliveries and rates through the API, as a client does.</summary>
internal static class CommitmentApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static CommitmentInput Input(string reference, string partner, string sector, decimal? amount, string? unit, string pledged,
        string? classification = null, string? due = null) =>
        new(reference, null, null, partner, null, sector, "Commitment " + reference, amount, unit, DateOnly.Parse(pledged),
            due is null ? null : DateOnly.Parse(due), null, null, null, "Test source", null, classification, null);

    public static async Task<CommitmentDetail> CreateAsync(HttpClient client, CommitmentInput input)
    {
        var response = await client.PostAsJsonAsync("/api/v1/commitments", input, Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<CommitmentDetail>(Ct))!;
    }

    public static async Task<CommitmentDetail> DeliverAsync(HttpClient client, int id, string date, decimal? amount)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/commitments/{id}/deliveries", new DeliveryInput(DateOnly.Parse(date), amount, "Evidence", null), Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<CommitmentDetail>(Ct))!;
    }

    public static async Task<HttpResponseMessage> MoveAsync(HttpClient client, int id, string status, int version) =>
        await client.PostAsJsonAsync($"/api/v1/commitments/{id}/status", new CommitmentStatusInput(status, version), Ct);

    public static async Task<CommitmentDetail> MovedAsync(HttpClient client, int id, string status, int version)
    {
        var response = await MoveAsync(client, id, status, version);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<CommitmentDetail>(Ct))!;
    }

    public static async Task RateAsync(HttpClient client, int year, string currency, decimal usdPerUnit)
    {
        var response = await client.PutAsJsonAsync("/api/v1/exchange-rates", new ExchangeRateInput(year, currency, usdPerUnit, null), Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
    }
}
