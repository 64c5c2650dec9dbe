using System.Text;
using System.Text.RegularExpressions;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Lists;

/// <summary>The list pages as a reader uses them: column headers that sort (and say so), page numbers
/// and page sizes, everything in the address, and an empty list that says what to do.</summary>
public abstract partial class ListPagesTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Three activities that differ in every sortable column. Alpha: a call in March, completed, internal,
    // led by Bùi; Bravo: a visit in January, planned, confidential, led by An; Charlie: a meeting in
    // February, cancelled, public, led by Cao.
    private const string SortCsv = ActivityDataset.Header + "\n" +
        "zs-a,phone_call,2026-03-01,2026-03-01,completed,Prime Minister,Bùi Zqsort Một,,JPN,,,,zqsort Alpha,,,internal,,\n" +
        "zs-b,official_visit,2026-01-15,2026-01-17,planned,Prime Minister,An Zqsort Hai,outgoing,FRA,,,Paris,zqsort Bravo,,,confidential,,\n" +
        "zs-c,bilateral_meeting,2026-02-10,2026-02-10,cancelled,Prime Minister,Cao Zqsort Ba,,DEU,,,Berlin,zqsort Charlie,,,public,,\n";

    private static async Task<HttpClient> AdminWithAsync(AppFixture fixture, string csv)
    {
        var admin = await fixture.App.AdminClientAsync();
        var (response, outcome) = await ActivityDataset.ImportAsync(admin, csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
        return admin;
    }

    /// <summary>The letters of the zqsort titles in the order the page shows them.</summary>
    private static string Order(string html) =>
        string.Concat(ZqsortTitle().Matches(html).Select(m => m.Groups["letter"].Value));

    /// <summary>The activity filter form submitted as a browser submits a GET form: every field it holds,
    /// by its own names, the untouched ones empty. The list narrows, and the form comes back as typed.</summary>
    [Fact]
    public async Task The_filter_form_submitted_with_its_own_fields_narrows_the_list_and_comes_back_as_typed()
    {
        var admin = await AdminWithAsync(fixture, SortCsv);
        var page = await PageAsync(admin, "/activities", Ct);
        var form = Between(page, "<form method=\"get\" action=\"/activities\"", "</form>");
        var names = FieldName().Matches(form).Select(m => m.Groups["name"].Value).Distinct().ToList();
        names.ShouldContain("q");
        names.ShouldContain("kind");
        var typed = new Dictionary<string, string> { ["q"] = "zqsort", ["kind"] = "phone_call", ["from"] = "2026-01-01" };
        var query = string.Join("&", names.Select(n => $"{n}={Uri.EscapeDataString(typed.GetValueOrDefault(n, ""))}"));

        var filtered = await PageAsync(admin, "/activities?" + query, Ct);

        Order(filtered).ShouldBe("A");
        var again = Between(filtered, "<form method=\"get\" action=\"/activities\"", "</form>");
        again.ShouldContain("name=\"q\" value=\"zqsort\"");
        again.ShouldContain("name=\"from\" value=\"2026-01-01\"");
        Regex.IsMatch(Between(again, "<select name=\"kind\"", "</select>"), "<option value=\"phone_call\" selected").ShouldBeTrue();
    }

    [GeneratedRegex("<(?:input|select)[^>]*name=\"(?<name>[^\"]+)\"")]
    private static partial Regex FieldName();

    [Theory]
    // field, ascending order, whether the first click sorts descending
    [InlineData("date", "BCA", true)]            // (already sorted newest first)
    [InlineData("kind", "BCA", false)]           // declared order: official visit, bilateral meeting, phone call
    [InlineData("title", "ABC", false)]
    [InlineData("leader", "BAC", false)]         // An, Bùi, Cao
    [InlineData("status", "BAC", false)]         // workflow order: planned, completed, cancelled
    [InlineData("classification", "CAB", true)]  // public, internal, confidential
    public async Task A_column_header_sorts_the_activity_list_and_a_second_click_reverses_it(string field, string ascending, bool firstDescending)
    {
        var admin = await AdminWithAsync(fixture, SortCsv);
        var descending = new string(ascending.Reverse().ToArray());
        var start = await PageAsync(admin, "/activities?q=zqsort&pageSize=20", Ct);
        Order(start).ShouldBe("ACB"); // newest first when no order is asked for
        Header(start, "date").Aria.ShouldBe("descending");
        // The date column is already sorted (newest first), so its first click reverses it.
        if (field == "date") firstDescending = false;

        var first = await PageAsync(admin, Header(start, field).Href, Ct);
        Order(first).ShouldBe(firstDescending ? descending : ascending);
        Header(first, field).Aria.ShouldBe(firstDescending ? "descending" : "ascending");
        first.ShouldContain("name=\"pageSize\" value=\"20\""); // the filter form keeps the page size…
        first.ShouldContain($"name=\"sort\" value=\"{(firstDescending ? "-" : "")}{field}\""); // …and the order

        var second = await PageAsync(admin, Header(first, field).Href, Ct);
        Order(second).ShouldBe(firstDescending ? ascending : descending);
        Header(second, field).Aria.ShouldBe(firstDescending ? "ascending" : "descending");
        Header(second, field == "title" ? "date" : "title").Aria.ShouldBe("none");
    }

    [Fact]
    public async Task The_people_and_partner_lists_sort_by_their_headers_too()
    {
        var admin = await AdminWithAsync(fixture, SortCsv);

        var people = await PageAsync(admin, "/people?q=zqsort", Ct);
        var byName = await PageAsync(admin, Header(people, "name").Href, Ct);
        Names(byName).ShouldBe(["An Zqsort Hai", "Bùi Zqsort Một", "Cao Zqsort Ba"]);
        Names(await PageAsync(admin, Header(byName, "name").Href, Ct)).ShouldBe(["Cao Zqsort Ba", "Bùi Zqsort Một", "An Zqsort Hai"]);

        var partners = await PageAsync(admin, "/partners?asean=true", Ct);
        var byCode = await PageAsync(admin, Header(partners, "code").Href, Ct);
        var codes = Codes(byCode);
        codes.Count.ShouldBeGreaterThan(3);
        codes.ShouldBe(codes.Order(StringComparer.Ordinal).ToList());
        Codes(await PageAsync(admin, Header(byCode, "code").Href, Ct)).ShouldBe(codes.AsEnumerable().Reverse().ToList());
    }

    [Fact]
    public async Task Page_numbers_and_page_sizes_move_through_a_list_keeping_its_filters()
    {
        var csv = new StringBuilder(ActivityDataset.Header).Append('\n');
        for (var n = 1; n <= 45; n++) csv.Append($"zp-{n},phone_call,2026-10-{1 + n % 28:00},,,Prime Minister,Người Phân Trang,,JPN,,,,zqpage call {n},,,,,\n");
        var admin = await AdminWithAsync(fixture, csv.ToString());

        var first = await PageAsync(admin, "/activities?q=zqpage&pageSize=20", Ct);
        Rows(first).ShouldBe(20);
        first.ShouldContain("Trang 1/3");
        first.ShouldContain("aria-current=\"page\">1<");
        Link(first, "next").ShouldContain("page=2");
        Link(first, "next").ShouldContain("pageSize=20");
        Link(first, "next").ShouldContain("q=zqpage");
        first.ShouldNotContain("rel=\"prev\"");

        var last = await PageAsync(admin, Link(first, "last"), Ct);
        Rows(last).ShouldBe(5);
        last.ShouldContain("Trang 3/3");
        last.ShouldNotContain("rel=\"next\"");
        last.ShouldNotContain("rel=\"last\"");
        Link(last, "prev").ShouldContain("page=2");
        var two = NumberLink(last, 2);
        Rows(await PageAsync(admin, two, Ct)).ShouldBe(20);
        Rows(await PageAsync(admin, Link(last, "first"), Ct)).ShouldBe(20);

        // A larger page starts again at the first page, with the filter kept.
        var hundred = SizeLink(last, 100);
        hundred.ShouldNotContain("page=");
        var all = await PageAsync(admin, hundred, Ct);
        Rows(all).ShouldBe(45);
        all.ShouldContain("Trang 1/1");
        all.ShouldNotContain("rel=\"next\"");
    }

    [Fact]
    public async Task A_list_that_filters_hide_says_so_and_offers_to_clear_them_in_both_languages()
    {
        var admin = await fixture.App.AdminClientAsync();

        var vi = await PageAsync(admin, "/activities?q=khongcogikhop", Ct);
        vi.ShouldContain("Không có hoạt động nào khớp với bộ lọc này.");
        vi.ShouldContain("<a class=\"button\" href=\"/activities\">Xoá bộ lọc</a>");
        var en = await PageAsync(admin, "/activities?q=khongcogikhop&culture=en", Ct);
        en.ShouldContain("No activity matches these filters.");
        en.ShouldContain("<a class=\"button\" href=\"/activities\">Clear the filters</a>");

        (await PageAsync(admin, "/partners?q=khongcogikhop", Ct)).ShouldContain("Không có đối tác nào khớp với bộ lọc này.");
        (await PageAsync(admin, "/partners?q=khongcogikhop&culture=en", Ct)).ShouldContain("No partner matches these filters.");
        (await PageAsync(admin, "/people?q=khongcogikhop", Ct)).ShouldContain("Không có ai khớp với bộ lọc này.");
        (await PageAsync(admin, "/people?q=khongcogikhop&culture=en", Ct)).ShouldContain("No one matches these filters.");
    }

    /// <summary>The aria-sort of a column's header and where its link goes.</summary>
    private static (string Aria, string Href) Header(string html, string field)
    {
        foreach (Match m in SortableHeader().Matches(html))
        {
            var href = m.Groups["href"].Value;
            if (Regex.IsMatch(href, $"[?&]sort=-?{field}(&|$)")) return (m.Groups["aria"].Value, href);
        }
        throw new ShouldAssertException($"no sortable header for {field}");
    }

    private static int Rows(string html) => Regex.Matches(PageHtml.Between(html, "<tbody>", "</tbody>"), "<tr").Count;

    private static string Link(string html, string rel) =>
        Regex.Match(html, $"<a href=\"(?<href>[^\"]+)\" rel=\"{rel}\"").Groups["href"].Value is { Length: > 0 } href ? href
            : throw new ShouldAssertException($"no {rel} link");

    private static string NumberLink(string html, int page) =>
        Regex.Match(html, $"<a href=\"(?<href>[^\"]+)\" aria-label=\"Trang {page}\">{page}</a>").Groups["href"].Value;

    private static string SizeLink(string html, int size) =>
        Regex.Match(PageHtml.Between(html, "class=\"page-sizes\"", "</span>\n"), $"<a href=\"(?<href>[^\"]+)\">{size}</a>").Groups["href"].Value;

    private static List<string> Names(string html) =>
        Regex.Matches(html, "<a href=\"/people/\\d+\">(?<name>[^<]+)</a>").Select(m => m.Groups["name"].Value).ToList();

    private static List<string> Codes(string html) =>
        Regex.Matches(html, "<td><code>(?<code>[A-Z0-9]+)</code></td>").Select(m => m.Groups["code"].Value).ToList();

    [GeneratedRegex("zqsort (?<letter>[ABC])[a-z]+<")]
    private static partial Regex ZqsortTitle();

    [GeneratedRegex("<th class=\"sortable[^\"]*\" aria-sort=\"(?<aria>\\w+)\" scope=\"col\">\\s*<a href=\"(?<href>[^\"]+)\"")]
    private static partial Regex SortableHeader();
}

public sealed class ListPagesTestsOnSqlite(SqliteApp fixture) : ListPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class ListPagesTestsOnPostgres(PostgresApp fixture) : ListPagesTests(fixture), IClassFixture<PostgresApp>;
