using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Commitments.Realisation;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Directives;
using Chancery.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Security;

/// <summary>The authorization matrix (issue #9, "Proof"): every route the app maps, read from its route
/// table, against the rule <see cref="AccessRules"/> gives it — anonymous, each role of
/// <see cref="Roles.All"/> — and then, as an administrator of each clearance, every GET route read for
/// the canaries planted at every level (<see cref="CanaryGarden"/>): none above the reader's clearance
/// may appear in any byte of any answer, and each report's figures are those of what the reader may see.</summary>
public abstract class SecurityMatrixTests(MatrixApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReadOnlyList<AppRoute> Routes => RouteTable.Read(fixture.App.Services);

    /// <summary>The routes that need a rule: all but the files of wwwroot.</summary>
    private IReadOnlyList<AppRoute> RuledRoutes => Routes.Where(r => !r.IsStaticFile).ToList();

    [Fact]
    public void Every_route_of_the_app_has_a_rule_and_every_rule_names_a_route()
    {
        var routes = RuledRoutes;
        var unruled = routes.Where(r => AccessRules.For(r) is null).Select(r => r.Key).ToList();
        unruled.ShouldBeEmpty("routes without a rule in tests/Chancery.Tests/Security/AccessRules.cs: " + string.Join(", ", unruled));
        var stale = AccessRules.All.Where(rule => !routes.Any(r => r.Key == rule.Key || r.IsPage && r.Pattern == rule.Key)).Select(r => r.Key).ToList();
        stale.ShouldBeEmpty("rules naming no route: " + string.Join(", ", stale));
        // The route table is read, not empty: pages, the API and the endpoints outside it are all there.
        routes.Count(r => r.IsPage).ShouldBeGreaterThan(50);
        routes.Count(r => r.IsApi).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Each_route_carries_the_authorization_its_rule_names()
    {
        var wrong = new List<string>();
        foreach (var route in RuledRoutes)
        {
            var rule = AccessRules.For(route)!;
            var ok = rule.Access switch
            {
                Access.Anonymous or Access.SignInStep => route.AllowsAnonymous,
                Access.Edit => !route.AllowsAnonymous && route.Policies.Contains(Policies.Edit),
                Access.ManageAccounts => !route.AllowsAnonymous && route.Policies.Contains(Policies.ManageAccounts),
                Access.Administer => !route.AllowsAnonymous && route.Policies.Contains(Policies.Administer),
                _ => !route.AllowsAnonymous && !route.Policies.Contains(Policies.Edit) && !route.Policies.Contains(Policies.Administer),
            };
            if (!ok) wrong.Add($"{route.Key}: rule {rule.Access}, route anonymous={route.AllowsAnonymous} policies=[{string.Join(",", route.Policies)}]");
            // A write changes shared records or the writer's own things: never "any signed-in reader".
            if (route.IsWrite && !route.IsPage && rule.Access == Access.SignedIn) wrong.Add($"{route.Key}: a write ruled as a read");
        }
        wrong.ShouldBeEmpty(string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_only_the_allow_list_everything_else_answers_401_or_the_sign_in_page()
    {
        var publicRecords = (await fixture.GardenAsync())[ClassificationLevel.Public];
        var anonymous = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var wrong = new List<string>();
        foreach (var route in RuledRoutes)
        {
            var rule = AccessRules.For(route)!;
            using var response = await SendAsync(anonymous, route, AddressOf(route, rule, publicRecords));
            var status = (int)response.StatusCode;
            var toSignIn = IsRedirectTo(response, "/login");
            if (status >= 500) wrong.Add($"{route.Key}: {status}");
            // Without a password step there is nothing to finish: back to the sign-in page.
            else if (rule.Access == Access.SignInStep)
            {
                // A form post without its antiforgery token is refused (400) before the page runs.
                if (!toSignIn && !(route.IsWrite && status == 400)) wrong.Add($"{route.Key}: a sign-in step answered {status} {response.Headers.Location} to a visitor who gave no password");
            }
            else if (rule.Access == Access.Anonymous)
            {
                if (status == 401 || status == 403 || toSignIn) wrong.Add($"{route.Key}: allow-listed but answered {status} {response.Headers.Location}");
            }
            else if (route.IsApi ? status != 401 : !toSignIn) wrong.Add($"{route.Key}: answered {status} {response.Headers.Location} to an anonymous visitor");
        }
        wrong.ShouldBeEmpty(string.Join("\n", wrong));
    }

    [Fact]
    public async Task Each_role_is_let_in_or_refused_as_its_policy_says_and_a_viewer_writes_nothing()
    {
        var publicRecords = (await fixture.GardenAsync())[ClassificationLevel.Public];
        var authorization = fixture.App.Services.GetRequiredService<IAuthorizationService>();
        var wrong = new List<string>();
        var checkedRequests = 0;
        foreach (var role in Roles.All)
        {
            var api = await fixture.App.ClientForAsync(MatrixApp.RoleUser(role), ChanceryAppFactory.UserPassword);
            var browser = await PageForms.CookieClientAsync(fixture.App, MatrixApp.RoleUser(role), ChanceryAppFactory.UserPassword, Ct);
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], "matrix"));
            // Signing out ends the role's sessions: it comes last.
            foreach (var route in RuledRoutes.OrderBy(r => r.Pattern == "/account/logout"))
            {
                var rule = AccessRules.For(route)!;
                var allowed = rule.Access switch
                {
                    Access.Edit => (await authorization.AuthorizeAsync(principal, Policies.Edit)).Succeeded,
                    Access.Administer => (await authorization.AuthorizeAsync(principal, Policies.Administer)).Succeeded,
                    Access.ManageAccounts => (await authorization.AuthorizeAsync(principal, Policies.ManageAccounts)).Succeeded,
                    _ => true,
                };
                if (role == Roles.Viewer && route.IsWrite && rule.Access is Access.Edit or Access.ManageAccounts or Access.Administer && allowed)
                    wrong.Add($"{route.Key}: the policy lets a viewer write");
                using var response = await SendAsync(route.IsApi ? api : browser, route, AddressOf(route, rule, publicRecords));
                checkedRequests++;
                var status = (int)response.StatusCode;
                var refused = status is 401 or 403 || IsRedirectTo(response, "/login") || IsRedirectTo(response, "/access-denied");
                if (status >= 500) wrong.Add($"{role} {route.Key}: {status}");
                // A signed-in user has no sign-in step to finish (where it sends them is the page's business).
                else if (rule.Access == Access.SignInStep) continue;
                else if (allowed && refused) wrong.Add($"{role} {route.Key}: refused ({status} {response.Headers.Location}) though the policy allows it");
                else if (!allowed && !(route.IsApi ? status == 403 : IsRedirectTo(response, "/access-denied")))
                    wrong.Add($"{role} {route.Key}: answered {status} {response.Headers.Location} though the policy refuses it");
            }
        }
        checkedRequests.ShouldBeGreaterThan(Roles.All.Length * 150);
        wrong.ShouldBeEmpty(string.Join("\n", wrong));
    }

    [Fact]
    public async Task No_reader_finds_a_canary_above_their_clearance_in_any_answer_of_any_GET_route()
    {
        var garden = await fixture.GardenAsync();
        var reads = RuledRoutes.Where(r => r.Method == "GET" && !r.IsStaticFile).ToList();
        var results = await Task.WhenAll(CanaryGarden.Levels.Select(level => SweepAsync(level, garden, reads)));
        var wrong = results.SelectMany(r => r.Leaks).ToList();
        wrong.ShouldBeEmpty(string.Join("\n", wrong.Take(60)) + $"\n({wrong.Count} in all)");
        // The canaries are there to be found: each reader finds every one at or below their clearance.
        foreach (var (level, seen, requests) in results.Select(r => (r.Level, r.Seen, r.Requests)))
        {
            requests.ShouldBeGreaterThan(200);
            foreach (var below in CanaryGarden.Levels.Where(l => l <= level))
                seen.ShouldContain(CanaryGarden.Canary(below), $"a {level} reader should find the {below} canary somewhere");
        }
    }

    [Fact]
    public async Task Each_report_gives_a_reader_the_figures_of_only_the_records_they_may_see()
    {
        await fixture.GardenAsync();
        foreach (var level in CanaryGarden.Levels)
        {
            // Every record in 2026 is a canary: one per level, so a reader sees one per level up to theirs.
            var visible = (int)level + 1;
            var reader = await fixture.App.ClientForAsync(MatrixApp.Reader(level), ChanceryAppFactory.UserPassword);
            var review = (await reader.GetFromJsonAsync<AnnualReview>("/api/v1/reports/annual-review?from=2026-01-01&to=2026-12-31", Ct))!;
            review.Figures.IncomingVisits.ShouldBe(visible, $"{level}: incoming visits");
            review.Lists.IncomingVisits.Select(r => r.ExternalRef).Order().ShouldBe(
                CanaryGarden.Levels.Where(l => l <= level).Select(l => $"cnq-{(int)l}"), $"{level}: the visits behind the figure");

            var realisation = (await reader.GetFromJsonAsync<RealisationReport>("/api/v1/reports/realisation?from=2026-01-01&to=2026-12-31", Ct))!;
            realisation.Total.Commitments.ShouldBe(visible, $"{level}: commitments");
            realisation.Total.PledgedUsd.ShouldBe(CanaryGarden.Pledged * visible, $"{level}: pledged");
            realisation.Total.RealisedUsd.ShouldBe(CanaryGarden.Delivered * visible, $"{level}: realised");

            var scoreboard = (await reader.GetFromJsonAsync<TaskScoreboard>("/api/v1/reports/task-scoreboard?from=2026-01-01&to=2026-12-31", Ct))!;
            scoreboard.Total.Tasks.ShouldBe(visible, $"{level}: tasks");
        }
    }

    private sealed record Sweep(ClassificationLevel Level, IReadOnlyList<string> Leaks, IReadOnlySet<string> Seen, int Requests);

    /// <summary>Every GET route, its parameters filled with each level's records, read by the administrator
    /// of one clearance; then the writes that name a record above it, whose refusals must say nothing either.</summary>
    private async Task<Sweep> SweepAsync(ClassificationLevel clearance, IReadOnlyDictionary<ClassificationLevel, CanaryRecords> garden, IReadOnlyList<AppRoute> reads)
    {
        var email = MatrixApp.Reader(clearance);
        var api = await fixture.App.ClientForAsync(email, ChanceryAppFactory.UserPassword);
        var browser = await PageForms.CookieClientAsync(fixture.App, email, ChanceryAppFactory.UserPassword, Ct);
        var anonymous = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var feed = await api.PostAsync("/api/v1/calendar/token", null, Ct);
        feed.EnsureSuccessStatusCode();
        var feedUrl = (await feed.Content.ReadFromJsonAsync<FeedAddressBody>(Ct))!.Url;
        var feedPath = new Uri(feedUrl).PathAndQuery;

        var hidden = CanaryGarden.Levels.Where(l => l > clearance).Select(CanaryGarden.Canary).ToList();
        var leaks = new List<string>();
        var seen = new HashSet<string>();
        var addresses = new HashSet<string>();
        var requests = 0;

        async Task ReadAsync(HttpClient client, string method, string url, HttpContent? body = null)
        {
            if (!addresses.Add(method + " " + url)) return;
            requests++;
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body };
            HttpResponseMessage sent;
            try
            {
                sent = await client.SendAsync(request, Ct);
            }
            catch (HttpRequestException ex)
            {
                leaks.Add($"{clearance} reader: {method} {url} threw {ex.InnerException?.InnerException?.Message ?? ex.Message}");
                return;
            }
            using var response = sent;
            var text = await TextOfAsync(response);
            if ((int)response.StatusCode >= 500) leaks.Add($"{clearance} reader: {method} {url} answered {(int)response.StatusCode}");
            foreach (var canary in CanaryGarden.Levels.Select(CanaryGarden.Canary))
            {
                if (!text.Contains(canary, StringComparison.OrdinalIgnoreCase)) continue;
                seen.Add(canary);
                if (!hidden.Contains(canary)) continue;
                var at = text.IndexOf(canary, StringComparison.OrdinalIgnoreCase);
                var context = text[Math.Max(0, at - 120)..Math.Min(text.Length, at + canary.Length + 40)].ReplaceLineEndings(" ");
                leaks.Add($"{clearance} reader: {method} {url} ({(int)response.StatusCode}) shows {canary} in «{context}»");
            }
        }

        foreach (var route in reads)
        {
            var rule = AccessRules.For(route)!;
            var client = route.Pattern.StartsWith("/calendar/feed/", StringComparison.Ordinal) ? anonymous : route.IsApi ? api : browser;
            foreach (var records in garden.Values)
            foreach (var url in rule.Reads?.Invoke(new ReadContext(records, feedPath)) ?? [AccessRules.Nowhere(route.Pattern)])
                await ReadAsync(client, "GET", url);
        }

        // Refusals of writes naming a record the reader may not see (nothing is changed: each is refused).
        foreach (var records in garden.Values.Where(r => r.Level > clearance))
        {
            foreach (var (method, url) in new[]
            {
                ("PUT", $"/api/v1/activities/{records.TripId}"), ("PUT", $"/api/v1/agreements/{records.AgreementId}"),
                ("PUT", $"/api/v1/commitments/{records.CommitmentId}"), ("PUT", $"/api/v1/directives/{records.DirectiveId}"),
                ("PUT", $"/api/v1/tasks/{records.TaskId}"), ("PUT", $"/api/v1/people/{records.PersonId}"), ("PUT", $"/api/v1/partners/{records.PartnerCode}"),
                ("POST", $"/api/v1/tasks/{records.TaskId}/progress"), ("POST", $"/api/v1/commitments/{records.CommitmentId}/status"),
                ("POST", $"/api/v1/agreements/{records.AgreementId}/actions"), ("PUT", $"/api/v1/agreements/packages/{records.TripId}"),
            })
                await ReadAsync(api, method, url, JsonContent.Create(new { }));
        }
        return new Sweep(clearance, leaks, seen, requests);
    }

    private sealed record FeedAddressBody(string Url);

    /// <summary>The answer as text; a ZIP (XLSX, DOCX) as the text of every entry it holds.</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = new StringBuilder(Encoding.UTF8.GetString(bytes));
        foreach (var header in response.Headers.Concat(response.Content.Headers)) text.Append('\n').Append(header.Key).Append(": ").AppendJoin(", ", header.Value);
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                text.Append('\n').Append(await reader.ReadToEndAsync(Ct));
            }
        }
        return text.ToString();
    }

    private static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location?.OriginalString.Contains(path, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Where a request for the route goes: a read at the public canary's address; a write nowhere
    /// (no record has its ids), so that a writer who is let in changes nothing.</summary>
    private static string AddressOf(AppRoute route, AccessRule rule, CanaryRecords publicRecords) =>
        !route.IsWrite && rule.Reads is not null && !route.Pattern.StartsWith("/calendar/feed/", StringComparison.Ordinal)
            ? rule.Reads(new ReadContext(publicRecords, "/calendar/feed/none.ics")).First()
            : AccessRules.Nowhere(route.Pattern);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, AppRoute route, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (route.IsWrite) request.Content = route.IsApi ? JsonContent.Create(new { }) : new FormUrlEncodedContent(new Dictionary<string, string>());
        try
        {
            return await client.SendAsync(request, Ct);
        }
        catch (HttpRequestException ex)
        {
            // The in-memory server rethrows what the app threw: name the address, not just the exception.
            throw new HttpRequestException($"{route.Method} {url}: {ex.InnerException?.InnerException?.Message ?? ex.Message}", ex);
        }
    }
}

public sealed class SecurityMatrixTestsOnSqlite(SqliteMatrixApp fixture) : SecurityMatrixTests(fixture), IClassFixture<SqliteMatrixApp>;

public sealed class SecurityMatrixTestsOnPostgres(PostgresMatrixApp fixture) : SecurityMatrixTests(fixture), IClassFixture<PostgresMatrixApp>;
