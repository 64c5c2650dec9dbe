using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Tests.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

public sealed class AnnualReviewBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_review_of_2025_shows_the_paragraph_draws_the_map_and_downloads_the_docx()
    {
        var page = await browser.NewPageAsync();
        await ImportDatasetAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add("script error: " + e);
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"{r.Status} {r.Url}"); };
        await BrowserApp.SignInAsync(page);

        // From the menu, as a reader would (a full load: the page's scripts must run).
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổng kết năm" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/reports/annual-review");
        await page.Locator("input[name=from]").FillAsync("2025-01-01");
        await page.Locator("input[name=to]").FillAsync("2025-12-31");
        await page.Locator("form.review-filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("from=2025-01-01", StringComparison.Ordinal));

        await Expect(page.Locator(".review-paragraph[lang=vi]")).ToContainTextAsync(AnnualReviewDocumentTests.ParagraphVi2025);
        // The map is drawn: a path per country, France, Switzerland, Cambodia and India visited, Australia came.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        problems.ShouldBeEmpty(); // every script and the atlas loaded, and none threw
        await Expect(page.Locator("#review-map svg path.map-country").First).ToBeAttachedAsync();
        (await page.Locator("#review-map svg path.map-country").CountAsync()).ShouldBeGreaterThan(100);
        await Expect(page.Locator("#review-map path.visited")).ToHaveCountAsync(4);
        await Expect(page.Locator("#review-map path.came")).ToHaveCountAsync(1);
        (await page.Locator("#review-map path.came title").TextContentAsync()).ShouldStartWith("Úc");
        // The charts are drawn (Chart.js attaches itself to the canvas).
        (await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('chart-by-month'))")).ShouldBeTrue();

        var waitForDownload = page.WaitForDownloadAsync();
        await page.Locator("a[href*='annual-review.docx']").ClickAsync();
        var download = await waitForDownload;
        download.SuggestedFilename.ShouldBe("annual-review-2025-01-01-2025-12-31.docx");
        var path = Path.Combine(Path.GetTempPath(), $"review-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        try
        {
            using var doc = WordprocessingDocument.Open(path, false);
            doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText)
                .ShouldContain(AnnualReviewDocumentTests.ParagraphVi2025);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Over real HTTP: this app listens on Kestrel, so the in-memory test client cannot reach it.</summary>
    private async Task ImportDatasetAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = ChanceryAppFactory.AdminEmail, password = ChanceryAppFactory.AdminPassword }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await ActivityDataset.EnsureImportedAsync(client);
    }
}
