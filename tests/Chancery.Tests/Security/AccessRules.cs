using System.Text.RegularExpressions;

namespace Chancery.Tests.Security;

/// <summary>Who may use a route. <see cref="Own"/>: a write any signed-in user makes on their own things
/// (their tokens, their follows, their feed address, their sign-out), never on shared records.</summary>
public enum Access
{
    Anonymous,
    SignedIn,
    Own,
    Edit,
    /// <summary>The account managers: administrators, and unit managers for their own subtree's accounts.</summary>
    ManageAccounts,
    Administer,
    /// <summary>A step of signing in (the second factor, setting up an authenticator): open to a visitor
    /// half-way through signing in, anyone else is sent to the sign-in page.</summary>
    SignInStep,
}

/// <summary>What a reader of one level's records asks a GET route: the addresses (parameters filled
/// with that level's records, queries that find the canaries).</summary>
public sealed record ReadContext(CanaryRecords Records, string FeedPath);

/// <summary>The rule of one route: <c>"GET /api/v1/…"</c> for endpoints, the bare pattern for a page
/// (its GET and its form POST share the component's authorization).</summary>
public sealed record AccessRule(string Key, Access Access, Func<ReadContext, IEnumerable<string>>? Reads = null);

/// <summary>Every route of the app with its rule, written by hand: a route the app maps and this list
/// does not name fails <see cref="SecurityMatrixTests"/>, so a new endpoint gets a rule before it ships.
/// The anonymous entries are the whole allow-list: signing in, health, the API's description and the
/// reference's own files, the language switch, the not-found page and the calendar feed (whose address
/// carries its own secret). Files of wwwroot (MapStaticAssets) are allowed as a class.</summary>
public static partial class AccessRules
{
    private const string Q = "q=Cnry";
    private const string Year = "from=2026-01-01&to=2026-12-31";

    private static IEnumerable<string> One(string url) => [url];

    public static readonly IReadOnlyList<AccessRule> All =
    [
        // Allow-list: anonymous visitors.
        new("/login", Access.Anonymous),
        new("/login/code", Access.SignInStep),
        new("/login/enrol", Access.SignInStep),
        new("POST /login/external", Access.Anonymous),
        new("GET /login/external/done", Access.SignInStep),
        new("/login/external/refused", Access.Anonymous),
        new("/account/authenticator", Access.SignInStep),
        new("/not-found", Access.Anonymous),
        new("GET /health", Access.Anonymous),
        new("GET /health/ready", Access.Anonymous),
        new("GET /openapi/{documentName}.json", Access.Anonymous, _ => One("/openapi/v1.json")),
        new("GET /api-reference/favicon.svg", Access.Anonymous),
        new("GET /api-reference/scalar.aspnetcore.js", Access.Anonymous),
        new("GET /api-reference/scalar.js", Access.Anonymous),
        new("GET /culture/{culture}", Access.Anonymous, _ => One("/culture/en?returnUrl=%2F")),
        new("GET /calendar/feed/{token}.ics", Access.Anonymous, c => One(c.FeedPath)),
        new("POST /api/v1/auth/login", Access.Anonymous),
        new("POST /api/v1/auth/refresh", Access.Anonymous),

        // Pages.
        new("/", Access.SignedIn),
        new("/access-denied", Access.SignedIn),
        new("/account", Access.SignedIn),
        new("/search", Access.SignedIn, _ => ["/search?q=Cnry", "/search?q=Visitor"]),
        new("/{*path:nonfile}", Access.SignedIn, _ => One("/no/such/page")),
        new("/activities", Access.SignedIn, _ => ["/activities?" + Q, "/activities?" + Year]),
        new("/activities/{Id:int}", Access.SignedIn, c => [$"/activities/{c.Records.VisitId}", $"/activities/{c.Records.TripId}"]),
        new("/activities/import", Access.Edit),
        new("/activities/new", Access.Edit),
        new("/activities/{Id:int}/delete", Access.Edit, c => One($"/activities/{c.Records.TripId}/delete")),
        new("/activities/{Id:int}/edit", Access.Edit, c => [$"/activities/{c.Records.VisitId}/edit", $"/activities/{c.Records.TripId}/edit"]),
        new("/agreements", Access.SignedIn, _ => One("/agreements?" + Q)),
        new("/agreements/{Id:int}", Access.SignedIn, c => One($"/agreements/{c.Records.AgreementId}")),
        new("/agreements/import", Access.Edit),
        new("/agreements/new", Access.Edit),
        new("/agreements/{Id:int}/delete", Access.Edit, c => One($"/agreements/{c.Records.AgreementId}/delete")),
        new("/agreements/{Id:int}/edit", Access.Edit, c => One($"/agreements/{c.Records.AgreementId}/edit")),
        new("/calendar", Access.SignedIn, _ => ["/calendar?month=2026-03", "/calendar?month=2026-04"]),
        new("/calendar/subscribe", Access.SignedIn),
        new("/commitments", Access.SignedIn, _ => One("/commitments?" + Q)),
        new("/commitments/exchange-rates", Access.SignedIn),
        new("/commitments/import", Access.Edit),
        new("/commitments/new", Access.Edit),
        new("/commitments/{Id:int}", Access.SignedIn, c => One($"/commitments/{c.Records.CommitmentId}")),
        new("/commitments/{Id:int}/edit", Access.Edit, c => One($"/commitments/{c.Records.CommitmentId}/edit")),
        new("/directives", Access.SignedIn, _ => One("/directives?" + Q)),
        new("/directives/new", Access.Edit),
        new("/directives/{Id:int}", Access.SignedIn, c => One($"/directives/{c.Records.DirectiveId}")),
        new("/notifications", Access.SignedIn),
        new("/notifications/outbox", Access.Administer),
        new("/partners", Access.SignedIn, _ => ["/partners?" + Q, "/partners"]),
        new("/partners/new", Access.Edit),
        new("/partners/{Code}", Access.SignedIn, c => [$"/partners/{c.Records.PartnerCode}", "/partners/NZL", "/partners/USA", "/partners/FRA"]),
        new("/partners/{Code}/edit", Access.Edit, c => One($"/partners/{c.Records.PartnerCode}/edit")),
        new("/partners/{Code}/events/new", Access.Edit, c => One($"/partners/{c.Records.PartnerCode}/events/new")),
        new("/partners/{Code}/events/{Id:int}/delete", Access.Edit),
        new("/partners/{Code}/events/{Id:int}/edit", Access.Edit),
        new("/partnerships/import", Access.Edit),
        new("/people", Access.SignedIn, _ => ["/people?q=Visitor", "/people?" + Q]),
        new("/people/new", Access.Edit),
        new("/people/{Id:int}", Access.SignedIn, c => One($"/people/{c.Records.PersonId}")),
        new("/people/{Id:int}/delete", Access.Edit, c => One($"/people/{c.Records.PersonId}/delete")),
        new("/people/{Id:int}/edit", Access.Edit, c => One($"/people/{c.Records.PersonId}/edit")),
        new("/reports/annual-review", Access.SignedIn, _ => One("/reports/annual-review?" + Year)),
        new("/reports/realisation", Access.SignedIn, _ => One("/reports/realisation?" + Year)),
        new("/reports/task-scoreboard", Access.SignedIn, _ => One("/reports/task-scoreboard?" + Year)),
        new("/tasks", Access.SignedIn, _ => ["/tasks", "/tasks?view=overdue", "/tasks?view=mine"]),
        new("/tasks/{Id:int}", Access.SignedIn, c => One($"/tasks/{c.Records.TaskId}")),
        new("/tasks/{Id:int}/edit", Access.Edit, c => One($"/tasks/{c.Records.TaskId}/edit")),
        new("/units", Access.SignedIn),
        new("/audit", Access.Administer, _ => ["/audit", "/audit?entityType=Person", "/audit?entityType=ActivityLeg", "/audit?entityType=OfficePeriod"]),
        new("/audit/chain", Access.Administer),
        new("/bin", Access.Administer),
        new("/units/new", Access.Administer),
        new("/units/{Id:int}/edit", Access.Administer, _ => One("/units/1/edit")),
        new("/users", Access.ManageAccounts),
        new("/users/new", Access.ManageAccounts),
        new("/users/tokens", Access.Administer),
        new("/users/{Id}/edit", Access.ManageAccounts),

        // Endpoints outside the API: Blazor's own, the reference, page forms posted to endpoints, unknown files.
        new("GET /_framework/opaque-redirect", Access.SignedIn),
        new("GET /api-reference/{documentName?}", Access.SignedIn, _ => One("/api-reference/")),
        new("GET /api/{**rest}", Access.SignedIn, _ => One("/api/v1/no-such-thing")),
        new("GET /{**path:file}", Access.SignedIn, _ => One("/no-such-file.txt")),
        new("POST /account/logout", Access.Own),
        new("POST /following", Access.Own),
        new("POST /agreements/{id:int}/documents", Access.Edit),
        new("POST /commitments/{id:int}/deliveries/{deliveryId:int}/attachment", Access.Edit),
        new("POST /tasks/{id:int}/documents", Access.Edit),

        // The API.
        new("GET /api/v1/auth/me", Access.SignedIn),
        new("GET /api/v1/search", Access.SignedIn, _ => ["/api/v1/search?q=Cnry", "/api/v1/search?q=Visitor", "/api/v1/search?q=Leg"]),
        new("GET /api/v1/changes", Access.SignedIn, _ => ["/api/v1/changes?limit=1000"]),
        new("GET /api/v1/pickers/{kind}", Access.SignedIn, c => new[] { "countries", "partners", "agreements", "activities", "units", "leaders", "counterparts", "task-commitments" }
            .SelectMany(k => new[] { $"/api/v1/pickers/{k}?q=Cnry", $"/api/v1/pickers/{k}?q=Visitor" })),

        new("GET /api/v1/activities/", Access.SignedIn, _ => ["/api/v1/activities?" + Q + "&pageSize=100", "/api/v1/activities?" + Year + "&pageSize=100"]),
        new("POST /api/v1/activities/", Access.Edit),
        new("GET /api/v1/activities/export", Access.SignedIn, _ => ["/api/v1/activities/export?format=csv&" + Year, "/api/v1/activities/export?format=xlsx&" + Year]),
        new("POST /api/v1/activities/import", Access.Edit),
        new("GET /api/v1/activities/import/codes", Access.SignedIn),
        new("GET /api/v1/activities/import/template", Access.SignedIn, _ => One("/api/v1/activities/import/template?format=xlsx")),
        new("GET /api/v1/activities/{id:int}", Access.SignedIn, c => [$"/api/v1/activities/{c.Records.VisitId}", $"/api/v1/activities/{c.Records.TripId}"]),
        new("PUT /api/v1/activities/{id:int}", Access.Edit),
        new("DELETE /api/v1/activities/{id:int}", Access.Edit),

        new("GET /api/v1/agreements/", Access.SignedIn, _ => One("/api/v1/agreements?" + Q + "&pageSize=100")),
        new("POST /api/v1/agreements/", Access.Edit),
        new("GET /api/v1/agreements/export", Access.SignedIn, _ => ["/api/v1/agreements/export?format=csv", "/api/v1/agreements/export?format=xlsx"]),
        new("POST /api/v1/agreements/import", Access.Edit),
        new("GET /api/v1/agreements/import/codes", Access.SignedIn),
        new("GET /api/v1/agreements/import/template", Access.SignedIn, _ => One("/api/v1/agreements/import/template?format=csv")),
        new("GET /api/v1/agreements/packages/{activityId:int}", Access.SignedIn, c => One($"/api/v1/agreements/packages/{c.Records.TripId}")),
        new("PUT /api/v1/agreements/packages/{activityId:int}", Access.Edit),
        new("GET /api/v1/agreements/{id:int}", Access.SignedIn, c => One($"/api/v1/agreements/{c.Records.AgreementId}")),
        new("PUT /api/v1/agreements/{id:int}", Access.Edit),
        new("DELETE /api/v1/agreements/{id:int}", Access.Edit),
        new("POST /api/v1/agreements/{id:int}/actions", Access.Edit),
        new("DELETE /api/v1/agreements/{id:int}/actions/{actionId:int}", Access.Edit),
        new("GET /api/v1/agreements/{id:int}/documents/", Access.SignedIn, c => One($"/api/v1/agreements/{c.Records.AgreementId}/documents")),
        new("POST /api/v1/agreements/{id:int}/documents/", Access.Edit),
        new("GET /api/v1/agreements/{id:int}/documents/{documentId:int}", Access.SignedIn,
            c => One($"/api/v1/agreements/{c.Records.AgreementId}/documents/{c.Records.AgreementDocumentId}")),

        new("GET /api/v1/audit", Access.Administer, _ => ["/api/v1/audit?pageSize=200", "/api/v1/audit?entityType=Person&pageSize=200",
            "/api/v1/audit?entityType=ActivityLeg&pageSize=200", "/api/v1/audit?entityType=OfficePeriod&pageSize=200", "/api/v1/audit?entityType=Activity&pageSize=200"]),
        new("GET /api/v1/audit/chain", Access.Administer),
        new("POST /api/v1/audit/chain/seal", Access.Administer),
        new("GET /api/v1/audit/export", Access.Administer, _ => ["/api/v1/audit/export?format=csv", "/api/v1/audit/export?format=xlsx"]),

        new("GET /api/v1/bin/", Access.Administer),
        new("POST /api/v1/bin/{kind}/{id:int}/restore", Access.Administer),
        new("POST /api/v1/calendar/token", Access.Own),

        new("GET /api/v1/commitments/", Access.SignedIn, _ => One("/api/v1/commitments?" + Q + "&pageSize=100")),
        new("POST /api/v1/commitments/", Access.Edit),
        new("GET /api/v1/commitments/export", Access.SignedIn, _ => ["/api/v1/commitments/export?format=csv", "/api/v1/commitments/export?format=xlsx"]),
        new("POST /api/v1/commitments/import", Access.Edit),
        new("GET /api/v1/commitments/import/codes", Access.SignedIn),
        new("GET /api/v1/commitments/import/template", Access.SignedIn, _ => One("/api/v1/commitments/import/template?format=csv")),
        new("GET /api/v1/commitments/{id:int}", Access.SignedIn, c => One($"/api/v1/commitments/{c.Records.CommitmentId}")),
        new("PUT /api/v1/commitments/{id:int}", Access.Edit),
        new("POST /api/v1/commitments/{id:int}/deliveries", Access.Edit),
        new("DELETE /api/v1/commitments/{id:int}/deliveries/{deliveryId:int}", Access.Edit),
        new("GET /api/v1/commitments/{id:int}/deliveries/{deliveryId:int}/attachment", Access.SignedIn,
            c => One($"/api/v1/commitments/{c.Records.CommitmentId}/deliveries/{c.Records.DeliveryId}/attachment")),
        new("POST /api/v1/commitments/{id:int}/deliveries/{deliveryId:int}/attachment", Access.Edit),
        new("POST /api/v1/commitments/{id:int}/status", Access.Edit),
        new("GET /api/v1/deliveries/export", Access.SignedIn, _ => ["/api/v1/deliveries/export?format=csv", "/api/v1/deliveries/export?format=xlsx"]),
        new("POST /api/v1/deliveries/import", Access.Edit),
        new("GET /api/v1/deliveries/import/codes", Access.SignedIn),
        new("GET /api/v1/deliveries/import/template", Access.SignedIn, _ => One("/api/v1/deliveries/import/template?format=csv")),

        new("GET /api/v1/directives/", Access.SignedIn, _ => One("/api/v1/directives?" + Q)),
        new("POST /api/v1/directives/", Access.Edit),
        new("GET /api/v1/directives/export", Access.SignedIn, _ => ["/api/v1/directives/export?format=csv", "/api/v1/directives/export?format=xlsx"]),
        new("POST /api/v1/directives/import", Access.Edit),
        new("GET /api/v1/directives/import/codes", Access.SignedIn),
        new("GET /api/v1/directives/import/template", Access.SignedIn, _ => One("/api/v1/directives/import/template?format=csv")),
        new("GET /api/v1/directives/{id:int}", Access.SignedIn, c => One($"/api/v1/directives/{c.Records.DirectiveId}")),
        new("PUT /api/v1/directives/{id:int}", Access.Edit),
        new("POST /api/v1/directives/{id:int}/tasks", Access.Edit),

        new("GET /api/v1/exchange-rates/", Access.SignedIn),
        new("PUT /api/v1/exchange-rates/", Access.Edit),
        new("GET /api/v1/exchange-rates/export", Access.SignedIn, _ => One("/api/v1/exchange-rates/export?format=csv")),
        new("POST /api/v1/exchange-rates/import", Access.Edit),
        new("GET /api/v1/exchange-rates/import/codes", Access.SignedIn),
        new("GET /api/v1/exchange-rates/import/template", Access.SignedIn, _ => One("/api/v1/exchange-rates/import/template?format=csv")),
        new("DELETE /api/v1/exchange-rates/{year:int}/{currency}", Access.Edit),

        new("GET /api/v1/me/following/", Access.SignedIn),
        new("PUT /api/v1/me/following/{personId:int}", Access.Own),
        new("DELETE /api/v1/me/following/{personId:int}", Access.Own),
        new("GET /api/v1/notifications/", Access.SignedIn),
        new("GET /api/v1/notifications/outbox", Access.Administer),
        new("POST /api/v1/notifications/read", Access.Own),

        new("GET /api/v1/partners/", Access.SignedIn, _ => ["/api/v1/partners?" + Q + "&pageSize=100", "/api/v1/partners?pageSize=100&page=3"]),
        new("POST /api/v1/partners/", Access.Edit),
        new("GET /api/v1/partners/{code}", Access.SignedIn, c => [$"/api/v1/partners/{c.Records.PartnerCode}", "/api/v1/partners/NZL"]),
        new("PUT /api/v1/partners/{code}", Access.Edit),
        new("POST /api/v1/partners/{code}/events", Access.Edit),
        new("PUT /api/v1/partners/{code}/events/{id:int}", Access.Edit),
        new("DELETE /api/v1/partners/{code}/events/{id:int}", Access.Edit),
        new("GET /api/v1/partnerships/export", Access.SignedIn, _ => ["/api/v1/partnerships/export?format=csv", "/api/v1/partnerships/export?format=xlsx"]),
        new("POST /api/v1/partnerships/import", Access.Edit),
        new("GET /api/v1/partnerships/import/codes", Access.SignedIn),
        new("GET /api/v1/partnerships/import/template", Access.SignedIn, _ => One("/api/v1/partnerships/import/template?format=csv")),

        new("GET /api/v1/people/", Access.SignedIn, _ => ["/api/v1/people?q=Visitor&pageSize=100", "/api/v1/people?" + Q + "&pageSize=100"]),
        new("POST /api/v1/people/", Access.Edit),
        new("GET /api/v1/people/{id:int}", Access.SignedIn, c => One($"/api/v1/people/{c.Records.PersonId}")),
        new("PUT /api/v1/people/{id:int}", Access.Edit),
        new("DELETE /api/v1/people/{id:int}", Access.Edit),
        new("POST /api/v1/people/{id:int}/offices", Access.Edit),

        new("GET /api/v1/reports/annual-review", Access.SignedIn, _ => One("/api/v1/reports/annual-review?" + Year)),
        new("GET /api/v1/reports/annual-review.docx", Access.SignedIn, _ => One("/api/v1/reports/annual-review.docx?" + Year)),
        new("GET /api/v1/reports/annual-review.xlsx", Access.SignedIn, _ => One("/api/v1/reports/annual-review.xlsx?" + Year)),
        new("GET /api/v1/reports/realisation", Access.SignedIn, _ => One("/api/v1/reports/realisation?" + Year)),
        new("GET /api/v1/reports/realisation.xlsx", Access.SignedIn, _ => One("/api/v1/reports/realisation.xlsx?" + Year)),
        new("GET /api/v1/reports/task-scoreboard", Access.SignedIn, _ => One("/api/v1/reports/task-scoreboard?" + Year)),
        new("GET /api/v1/reports/task-scoreboard.xlsx", Access.SignedIn, _ => One("/api/v1/reports/task-scoreboard.xlsx?" + Year)),

        new("GET /api/v1/task-progress/export", Access.SignedIn, _ => ["/api/v1/task-progress/export?format=csv", "/api/v1/task-progress/export?format=xlsx"]),
        new("POST /api/v1/task-progress/import", Access.Edit),
        new("GET /api/v1/task-progress/import/codes", Access.SignedIn),
        new("GET /api/v1/task-progress/import/template", Access.SignedIn, _ => One("/api/v1/task-progress/import/template?format=csv")),
        new("GET /api/v1/tasks/", Access.SignedIn, _ => ["/api/v1/tasks", "/api/v1/tasks?view=overdue", "/api/v1/tasks?view=mine", "/api/v1/tasks?view=due_soon&days=365"]),
        new("GET /api/v1/tasks/export", Access.SignedIn, _ => ["/api/v1/tasks/export?format=csv", "/api/v1/tasks/export?format=xlsx"]),
        new("POST /api/v1/tasks/import", Access.Edit),
        new("GET /api/v1/tasks/import/codes", Access.SignedIn),
        new("GET /api/v1/tasks/import/template", Access.SignedIn, _ => One("/api/v1/tasks/import/template?format=csv")),
        new("GET /api/v1/tasks/serving", Access.SignedIn, c => [$"/api/v1/tasks/serving?kind=activity&id={c.Records.VisitId}",
            $"/api/v1/tasks/serving?kind=commitment&id={c.Records.CommitmentId}"]),
        new("GET /api/v1/tasks/{id:int}", Access.SignedIn, c => One($"/api/v1/tasks/{c.Records.TaskId}")),
        new("PUT /api/v1/tasks/{id:int}", Access.Edit),
        new("POST /api/v1/tasks/{id:int}/documents/", Access.Edit),
        new("GET /api/v1/tasks/{id:int}/documents/{documentId:int}", Access.SignedIn, c => One($"/api/v1/tasks/{c.Records.TaskId}/documents/{c.Records.TaskDocumentId}")),
        new("POST /api/v1/tasks/{id:int}/done", Access.Edit),
        new("POST /api/v1/tasks/{id:int}/links", Access.Edit),
        new("DELETE /api/v1/tasks/{id:int}/links/{kind}/{targetId:int}", Access.Edit),
        new("POST /api/v1/tasks/{id:int}/progress", Access.Edit),

        new("GET /api/v1/tokens/", Access.SignedIn),
        new("POST /api/v1/tokens/", Access.Own),
        new("GET /api/v1/tokens/all", Access.Administer),
        new("DELETE /api/v1/tokens/{id:int}", Access.Own),
        new("GET /api/v1/units/", Access.SignedIn),
        new("POST /api/v1/units/", Access.Administer),
        new("PUT /api/v1/units/{id:int}", Access.Administer),
        new("GET /api/v1/users/", Access.ManageAccounts),
        new("POST /api/v1/users/", Access.ManageAccounts),
        new("GET /api/v1/users/{id}", Access.ManageAccounts, _ => One("/api/v1/users/no-such-user")),
        new("PUT /api/v1/users/{id}", Access.ManageAccounts),
        new("POST /api/v1/users/{id}/authenticator/reset", Access.ManageAccounts),
        new("POST /api/v1/users/{id}/enrolment-code", Access.ManageAccounts),
    ];

    /// <summary>The rule of a route: its own entry, or for a page its pattern's.</summary>
    public static AccessRule? For(AppRoute route) =>
        All.FirstOrDefault(r => r.Key == route.Key) ?? (route.IsPage ? All.FirstOrDefault(r => r.Key == route.Pattern) : null);

    /// <summary>A route's address with every parameter filled by a value that names no record (writes are
    /// sent there, so that an allowed writer changes nothing).</summary>
    public static string Nowhere(string pattern) => Parameter().Replace(pattern, m => m.Groups["name"].Value.ToLowerInvariant() switch
    {
        "code" => "QQQ",
        "kind" => "activity",
        "currency" => "XXX",
        "year" => "2199",
        "token" => "no-such-token",
        "culture" => "en",
        "documentname" => "v1",
        "path" => pattern.Contains(":nonfile", StringComparison.Ordinal) ? "no/such/page" : "no-such-file.txt",
        "rest" => "v1/no-such-thing",
        _ => "2147480000",
    }).Replace("//", "/");

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
