using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

/// <summary>From signature to resources in a real browser: register an agreement, upload its signed text,
/// record a commitment under it and two deliveries, and read the realisation report. Figures worked out by
/// hand: USD 2,000,000 pledged in 2016, 500,000 then 700,000 delivered, so 1,200,000 realised, 60 %.</summary>
public sealed class AgreementFlowBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly byte[] SignedText = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% signed\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task An_editor_registers_an_agreement_with_its_text_follows_a_commitment_to_two_deliveries_and_reads_the_realised_share()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        // The agreement, with Japan as its party.
        var agreementUrl = await CreateAgreementAsync(page, "Bản ghi nhớ Okapiflow về năng lượng sạch");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bản ghi nhớ Okapiflow về năng lượng sạch");

        // Its signed text, through the page's upload form.
        await page.Locator("#documents input[type=file]").SetInputFilesAsync(new FilePayload { Name = "Okapiflow.pdf", MimeType = "application/pdf", Buffer = SignedText });
        await page.Locator("#documents button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("uploaded=1"));
        await Expect(page.Locator("#documents table")).ToContainTextAsync("Okapiflow.pdf");

        // A commitment under it.
        await CreateCommitmentAsync(page, "Okapiflow: vốn ODA cho điện mặt trời", "Okapiflow", "Bản ghi nhớ Okapiflow về năng lượng sạch");
        await Expect(page.Locator(".commitment-header h1")).ToHaveTextAsync("Okapiflow: vốn ODA cho điện mặt trời");
        await Expect(page.Locator($"a[href='{agreementUrl}']")).ToBeVisibleAsync();

        // Two deliveries.
        foreach (var (date, amount) in new[] { ("2017-03-01", "500000"), ("2018-03-01", "700000") })
        {
            await page.Locator("form.delivery-form input[name='Delivery.Date']").FillAsync(date);
            await page.Locator("form.delivery-form input[name='Delivery.Amount']").FillAsync(amount);
            await page.Locator("form.delivery-form input[name='Delivery.Evidence']").FillAsync("Thông báo giải ngân " + date);
            await page.Locator("form.delivery-form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("saved=1"));
        }
        await Expect(page.Locator("table.deliveries tbody tr")).ToHaveCountAsync(2);

        // The realisation report of 2016: 60 % of what was pledged has become real.
        await page.GotoAsync("/reports/realisation?from=2016-01-01&to=2016-12-31&by=partner");
        await Expect(page.Locator(".figure-card").Filter(new() { HasText = "60" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Okapiflow: vốn ODA cho điện mặt trời");
        await Expect(page.Locator("body")).ToContainTextAsync("1.200.000");
    }

    /// <summary>Registers a memorandum with Japan signed on 12 April 2016 through the form; answers its page's address.</summary>
    /// <param name="japan">What to type in the partner picker and the option to choose (the page's language names Japan).</param>
    public static async Task<string> CreateAgreementAsync(IPage page, string title, (string Typed, string Label)? japan = null)
    {
        var (typedJapan, labelJapan) = japan ?? ("Nhat", "Nhật Bản");
        await page.GotoAsync("/agreements/new");
        await page.Locator("select[name='Input.Type']").SelectOptionAsync("mou");
        await page.Locator("input[name='Input.TitleVi']").FillAsync(title);
        await page.Locator("input[name='Input.SignedDate']").FillAsync("2016-04-12");
        await Pickers.PickAsync(page, "Input.Parties[0]", typedJapan, labelJapan);
        await page.Locator("button[name='action'][value='save']").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/agreements/\d+"));
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Records USD 2,000,000 of ODA from Japan pledged on 12 April 2016 under the agreement found by
    /// <paramref name="typed"/>, through the form; answers its page's address.</summary>
    public static async Task<string> CreateCommitmentAsync(IPage page, string title, string typed, string agreementTitle,
        (string Typed, string Label)? japan = null)
    {
        var (typedJapan, labelJapan) = japan ?? ("Nhat", "Nhật Bản");
        await page.GotoAsync("/commitments/new");
        await page.Locator("input[name='Input.Title']").FillAsync(title);
        await Pickers.PickAsync(page, "Input.PartnerCode", typedJapan, labelJapan);
        await page.Locator("select[name='Input.Sector']").SelectOptionAsync("oda");
        await page.Locator("input[name='Input.Amount']").FillAsync("2000000");
        await page.Locator("input[name='Input.Unit']").FillAsync("USD");
        await page.Locator("input[name='Input.PledgedDate']").FillAsync("2016-04-12");
        await Pickers.PickAsync(page, "Input.AgreementId", typed, agreementTitle);
        await page.Locator("form.edit-form button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/commitments/\d+"));
        return new Uri(page.Url).AbsolutePath;
    }
}
