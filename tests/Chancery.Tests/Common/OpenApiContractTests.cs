using System.Text.Json;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Common;

/// <summary>The OpenAPI document as a client generator reads it.</summary>
public sealed class OpenApiContractTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => (p.Name, m.Name, m.Value)));

    [Fact]
    public async Task The_bearer_token_and_the_cookie_are_described_and_every_signed_in_operation_names_them_and_its_401()
    {
        var document = await DocumentAsync();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("cookie").GetProperty("in").GetString().ShouldBe("cookie");
        var signedIn = Operations(document).Where(o => o.Path != "/api/v1/auth/login").ToList();
        signedIn.Count.ShouldBeGreaterThan(20);
        foreach (var (path, method, operation) in signedIn)
        {
            operation.TryGetProperty("security", out var security).ShouldBeTrue($"{method} {path} has no security");
            security.GetArrayLength().ShouldBe(2, $"{method} {path}");
            operation.GetProperty("responses").TryGetProperty("401", out _).ShouldBeTrue($"{method} {path} lacks its 401");
        }
        var login = Operations(document).Single(o => o.Path == "/api/v1/auth/login").Operation;
        // Sign-in needs no credential: one empty requirement.
        var loginSecurity = login.GetProperty("security").EnumerateArray().ToList();
        loginSecurity.Count.ShouldBe(1);
        loginSecurity[0].EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task Operations_that_need_a_role_say_they_answer_403()
    {
        var document = await DocumentAsync();

        var createUser = Operations(document).Single(o => o.Path.TrimEnd('/') == "/api/v1/users" && o.Method == "post").Operation;

        createUser.GetProperty("responses").TryGetProperty("403", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_operation_has_its_own_operation_id()
    {
        var document = await DocumentAsync();

        var ids = Operations(document).Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();

        ids.ShouldAllBe(id => !string.IsNullOrEmpty(id));
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Integers_are_plain_integers_not_integers_or_strings()
    {
        var text = await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json", Ct);

        text.ShouldNotContain("\"pattern\": \"^-?(?:0|[1-9]\\\\d*)$\"");
        using var document = JsonDocument.Parse(text);
        var mixed = new List<string>();
        Walk(document.RootElement, "#", mixed);
        mixed.ShouldBeEmpty();
    }

    private static void Walk(JsonElement element, string where, List<string> mixed)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
            {
                var types = type.EnumerateArray().Select(t => t.GetString()).ToList();
                if ((types.Contains("integer") || types.Contains("number")) && types.Contains("string")) mixed.Add(where);
            }
            foreach (var property in element.EnumerateObject()) Walk(property.Value, where + "/" + property.Name, mixed);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray()) Walk(item, $"{where}/{i++}", mixed);
        }
    }
}
