using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Chancery.Web.Common.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Chancery.Web.Common.Api;

/// <summary>What the OpenAPI document promises beyond what the endpoints describe themselves, so that
/// generated clients (Kiota, NSwag) can trust it: the two ways to authenticate, applied to every
/// operation that needs one; the 401 and 403 such an operation answers, as ProblemDetails; an
/// operationId for every operation; plain integers (numbers are never read from strings).</summary>
public static class OpenApiContract
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
    public const string PersonalAccessToken = "personalAccessToken";

    public static IServiceCollection AddChanceryOpenApi(this IServiceCollection services)
    {
        // Numbers in the API are JSON numbers: accepting "12" as 12 made every integer
        // ["integer","string"] with a pattern in the document, which NSwag's C# client cannot compile.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Title = "Chancery API";
                document.Info.Description =
                    "The work platform of the diplomatic sector. Sign in with POST /api/v1/auth/login for a bearer token " +
                    "(or use the browser's sign-in cookie). Errors are ProblemDetails, worded in English unless " +
                    "Accept-Language asks for Vietnamese (vi). Every read is filtered by the caller's clearance. " +
                    "Integrations use a personal access token (POST /api/v1/tokens) as the bearer token instead.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "The accessToken answered by POST /api/v1/auth/login (8 hours).",
                };
                document.Components.SecuritySchemes[PersonalAccessToken] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "chpat_…",
                    Description = "A personal access token (chpat_ and 43 characters) created by a signed-in user with POST /api/v1/tokens, "
                        + "sent as Authorization: Bearer <token>. It acts as its user (current role and clearance) within its scope: "
                        + "read (GET and HEAD only), read_write, or calendar (the feed only; no API call). It ends when revoked, "
                        + "when it expires (at most 365 days), or when its account is locked or its role, clearance or password changes. "
                        + "A token cannot manage tokens.",
                };
                document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Security.SessionCheck.CookieName,
                    Description = "The browser's sign-in cookie (writes also need the antiforgery header RequestVerificationToken).",
                };
                // The server is wherever the document was read from; a trailing slash would double the
                // paths' leading one in generated clients.
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                UniqueOperationIds(document);
                DescribeTags(document, context.ApplicationServices.GetRequiredService<Modules.ModuleCatalog>());
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(CodeSetAttribute), true)
                        .OfType<CodeSetAttribute>().FirstOrDefault() is { } codes)
                    ListCodes(schema, codes);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.OperationId ??= OperationId(context.Description);
                operation.Summary ??= Sentence(operation.OperationId);
                // A summary is a title in generated clients and reference pages; the long explanation is the description.
                if (operation.Summary.Length > 80)
                {
                    operation.Description ??= operation.Summary;
                    operation.Summary = Sentence(operation.OperationId);
                }
                DescribeCodeParameters(operation, context.Description);
                // Query names as the rest of the API spells them (binding ignores case): ?kind=, not ?Kind=.
                foreach (var parameter in operation.Parameters ?? [])
                    if (parameter is OpenApiParameter { In: ParameterLocation.Query, Name: { Length: > 0 } name } concrete)
                        concrete.Name = Camel(name);
                if (metadata.OfType<ImportFileBody>().Any()) operation.RequestBody = ImportFileBody.Describe();
                DescribeBodies(operation);
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    // An empty requirement: no credential needed (sign-in itself).
                    operation.Security = [new OpenApiSecurityRequirement()];
                    return Task.CompletedTask;
                }

                var document = context.Document;
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(PersonalAccessToken, document)] = [] });
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", Problem("Not signed in, or the session or token has ended (sign in again)."));
                // Any operation may be refused to a personal access token outside its scope.
                operation.Responses.TryAdd("403", Problem(
                    metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null)
                        ? "Signed in, but the caller's role (or the personal access token's scope) does not allow this."
                        : "The personal access token's scope does not allow this."));
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Every tag an operation uses, with the description its module gives it (<see cref="Modules.IChanceryModule.ApiTags"/>),
    /// in the order the modules are found; a tag no module describes is listed bare (a test fails on it).</summary>
    private static void DescribeTags(OpenApiDocument document, Modules.ModuleCatalog catalog)
    {
        var described = catalog.Modules.SelectMany(m => m.ApiTags).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First().Description);
        var used = (document.Paths?.Values.AsEnumerable() ?? []).SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name, Description = described.GetValueOrDefault(name),
        }));
    }

    /// <summary>The allowed values of a coded string (and of each item of a list of them).</summary>
    private static void ListCodes(OpenApiSchema schema, CodeSetAttribute codes)
    {
        var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
        target.Enum = codes.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        if (target.Type?.HasFlag(JsonSchemaType.Null) == true) target.Enum.Add(null!);
    }

    private static void DescribeCodeParameters(OpenApiOperation operation, Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        foreach (var parameter in description.ParameterDescriptions)
        {
            if (parameter.ParameterDescriptor is not Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor { ParameterInfo: var info }) continue;
            if (info.GetCustomAttributes(typeof(CodeSetAttribute), true).OfType<CodeSetAttribute>().FirstOrDefault() is not { } codes) continue;
            if (operation.Parameters?.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)) is
                OpenApiParameter { Schema: OpenApiSchema schema })
                ListCodes(schema, codes);
        }
    }

    /// <summary>Errors described as what they are (ProblemDetails), and files as files: a response without
    /// a body of its own (404 from NotFound, 413 from the server's limit) gets the ProblemDetails schema, and a
    /// download (CSV, XLSX, DOCX, iCalendar) is a binary string rather than the byte array's base64.</summary>
    private static void DescribeBodies(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete) continue;
            if (status[0] is '4' or '5' && (concrete.Content is null || concrete.Content.Count == 0))
                concrete.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = ProblemSchema() } };
            foreach (var (type, media) in concrete.Content ?? new Dictionary<string, OpenApiMediaType>())
                if (!type.Contains("json", StringComparison.Ordinal))
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        }
    }

    /// <summary>One handler mapped under two methods (GET and HEAD) would share an id; generators refuse that.</summary>
    private static void UniqueOperationIds(OpenApiDocument document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, path) in document.Paths)
            foreach (var (method, operation) in path.Operations ?? [])
                if (operation.OperationId is { } id && !seen.Add(id))
                    seen.Add(operation.OperationId = id + Pascal(method.Method.ToLowerInvariant()));
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = ProblemSchema() },
        },
    };

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
    };

    /// <summary>The handler's class and method ("ActivityEndpoints.List" gives "activity_list"), which
    /// stays the same when a route changes; the HTTP method and path where no handler method is known.</summary>
    private static string OperationId(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        var method = description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        if (method?.DeclaringType is { } type && !method.Name.Contains('<'))
        {
            var owner = type.Name.Replace("Endpoints", "", StringComparison.Ordinal);
            return $"{Camel(owner)}{method.Name}";
        }
        var path = (description.RelativePath ?? "").Replace("api/v1/", "", StringComparison.Ordinal);
        var words = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('{', '}').Split(':')[0].Replace(".", "", StringComparison.Ordinal));
        return (description.HttpMethod ?? "get").ToLowerInvariant() + string.Concat(words.Select(Pascal));
    }

    /// <summary>"activityCreate" as "Activity create": a summary for the few operations without one.</summary>
    private static string Sentence(string id) =>
        string.Concat(id.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : i == 0 ? char.ToUpperInvariant(c).ToString() : c.ToString()));

    private static string Camel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
    private static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].Replace("-", "", StringComparison.Ordinal);
}
