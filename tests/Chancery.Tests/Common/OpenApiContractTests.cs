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
        string[] anonymous = ["/api/v1/auth/login", "/api/v1/auth/refresh"];
        var signedIn = Operations(document).Where(o => !anonymous.Contains(o.Path)).ToList();
        signedIn.Count.ShouldBeGreaterThan(20);
        foreach (var (path, method, operation) in signedIn)
        {
            operation.TryGetProperty("security", out var security).ShouldBeTrue($"{method} {path} has no security");
            // Any one of the three: a sign-in bearer token, the cookie, or a personal access token.
            security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Order()
                .ToList().ShouldBe(new List<string> { "bearer", "cookie", "personalAccessToken" }, ignoreOrder: false, customMessage: $"{method} {path}");
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
        // Usable as a method name by generators: letters and digits only (no route constraint like "id:int").
        ids.ShouldAllBe(id => id!.All(char.IsLetterOrDigit));
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

    [Fact]
    public async Task Coded_fields_and_filters_list_their_allowed_values()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Enum(schemas.GetProperty("ActivityInput").GetProperty("properties").GetProperty("kind"))
            .ShouldBe(["state_visit", "official_visit", "working_visit", "private_visit", "incoming_visit",
                "multilateral_conference", "bilateral_meeting", "phone_call", "online_talk", "reception"], ignoreOrder: true);
        Enum(schemas.GetProperty("ActivityDetail").GetProperty("properties").GetProperty("classification"))
            .ShouldBe(["public", "internal", "confidential", "secret", "top_secret"], ignoreOrder: true);
        // A nullable code admits null too, or a validating client would refuse an answer without one.
        Enum(schemas.GetProperty("ActivityInput").GetProperty("properties").GetProperty("channel")).ShouldContain((string?)null);
        Enum(schemas.GetProperty("AuditRecord").GetProperty("properties").GetProperty("action")).ShouldBe(["created", "updated", "deleted", "restored", "downloaded", "signed_in", "sign_in_failed", "signed_out", "password_changed", "exported", "feed_read", "authenticator_enrolled", "authenticator_reset", "enrolment_code_issued"], ignoreOrder: true);
        Enum(schemas.GetProperty("CreateUserRequest").GetProperty("properties").GetProperty("role")).ShouldContain("officer");
        var list = Operations(document).Single(o => o.Path == "/api/v1/activities" && o.Method == "get").Operation;
        var status = list.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "status");
        Enum(status.GetProperty("schema")).ShouldBe(["planned", "confirmed", "completed", "postponed", "cancelled"], ignoreOrder: true);
    }

    private static List<string?> Enum(JsonElement schema) =>
        schema.GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToList();

    [Fact]
    public async Task An_import_takes_a_file_three_ways_and_downloads_are_binary_files()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        var import = operations.Single(o => o.Path == "/api/v1/activities/import").Operation;
        var content = import.GetProperty("requestBody").GetProperty("content");
        content.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").GetProperty("file")
            .GetProperty("format").GetString().ShouldBe("binary");
        content.TryGetProperty("text/csv", out _).ShouldBeTrue();
        content.TryGetProperty("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out _).ShouldBeTrue();
        import.GetProperty("responses").TryGetProperty("413", out _).ShouldBeTrue();

        var docx = operations.Single(o => o.Path == "/api/v1/reports/annual-review.docx").Operation;
        docx.GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .GetProperty("schema").GetProperty("format").GetString().ShouldBe("binary");
        var template = operations.Single(o => o.Path == "/api/v1/activities/import/template").Operation;
        template.GetProperty("responses").TryGetProperty("200", out _).ShouldBeTrue();
        var login = operations.Single(o => o.Path == "/api/v1/auth/login").Operation;
        login.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_update_says_it_answers_409_with_the_stored_record_and_no_write_claims_every_success_code()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        var update = operations.Single(o => o.Path == "/api/v1/activities/{id}" && o.Method == "put").Operation.GetProperty("responses");
        var conflict = update.GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        var reference = conflict.GetProperty("$ref").GetString()!.Split('/').Last();
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty(reference).GetProperty("properties");
        properties.GetProperty("current").GetProperty("$ref").GetString().ShouldEndWith("/ActivityDetail");
        properties.TryGetProperty("currentVersion", out _).ShouldBeTrue();
        update.TryGetProperty("201", out _).ShouldBeFalse();
        update.TryGetProperty("204", out _).ShouldBeFalse();
        var create = operations.Single(o => o.Path == "/api/v1/activities" && o.Method == "post").Operation.GetProperty("responses");
        create.TryGetProperty("201", out _).ShouldBeTrue();
        create.TryGetProperty("200", out _).ShouldBeFalse();
        // Every error a client can meet is described as ProblemDetails.
        foreach (var (path, method, operation) in operations)
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                response.Value.TryGetProperty("content", out _).ShouldBeTrue($"{method} {path} {response.Name} has no body");
    }

    [Fact]
    public async Task Summaries_are_short_titles()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
            operation.GetProperty("summary").GetString()!.Length.ShouldBeLessThanOrEqualTo(80, $"{method} {path}");
    }
}
