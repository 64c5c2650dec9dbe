using System.Text.Json;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Common;

/// <summary>The API document describes every tag its operations use, and the personal access token scheme.</summary>
public sealed class OpenApiTagTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_tag_an_operation_uses_has_a_description_and_tokens_are_a_security_scheme()
    {
        var document = JsonDocument.Parse(await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        // The API's operations (the agreements' page upload form, outside /api, is in the document too: reported).
        var used = document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject())
            .Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("tags", out _))
            .SelectMany(o => o.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!))
            .ToHashSet();
        var described = document.GetProperty("tags").EnumerateArray()
            .Where(t => t.TryGetProperty("description", out var d) && d.GetString()?.Length > 20)
            .Select(t => t.GetProperty("name").GetString()!).ToHashSet();

        used.ShouldContain("Tokens");
        used.Except(described).ShouldBeEmpty(string.Join("; ", document.GetProperty("paths").EnumerateObject().Where(p => p.Value.EnumerateObject().Any(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("tags", out var t) && t.EnumerateArray().Any(x => !described.Contains(x.GetString()!)))).Select(p => p.Name)));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("personalAccessToken");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
    }
}
