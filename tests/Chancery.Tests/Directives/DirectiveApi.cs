using System.Net.Http.Json;
using System.Text.Json;

namespace Chancery.Tests.Directives;

/// <summary>Small helpers over the directives API, as a client uses it.</summary>
internal static class DirectiveApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates a directive and answers its tasks' ids by title (sub-tasks included).</summary>
    public static async Task<Dictionary<string, int>> CreateAsync(HttpClient client, object directive)
    {
        var response = await client.PostAsJsonAsync("/api/v1/directives", directive, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        var ids = new Dictionary<string, int>();
        void Walk(JsonElement nodes)
        {
            foreach (var n in nodes.EnumerateArray())
            {
                ids[n.GetProperty("title").GetString()!] = n.GetProperty("id").GetInt32();
                Walk(n.GetProperty("subTasks"));
            }
        }
        Walk(JsonDocument.Parse(body).RootElement.GetProperty("tasks"));
        return ids;
    }

    public static async Task<JsonElement> TaskAsync(HttpClient client, int id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}", Ct);

    public static async Task<int> VersionAsync(HttpClient client, int id) => (await TaskAsync(client, id)).GetProperty("version").GetInt32();

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
