using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

/// <summary>An administrator makes an account through the new-user form, its owner signs in with it,
/// and the administrator edits it: every field typed in the form is what gets stored.</summary>
public sealed class UserFormBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_user_made_through_the_form_signs_in_and_an_edit_changes_the_name_and_keeps_the_role()
    {
        const string email = "desk.officer@test.local";
        const string password = "Desk-Officer-2026!";
        var admin = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(admin);

        await admin.GotoAsync("/users/new");
        await admin.Locator("input[name='Input.Email']").FillAsync(email);
        await admin.Locator("input[name='Input.DisplayName']").FillAsync("Nguyễn Thị Lan");
        await admin.Locator("select[name='Input.Role']").SelectOptionAsync("officer");
        await admin.Locator("select[name='Input.Clearance']").SelectOptionAsync("confidential");
        await admin.Locator("input[name='Input.Password']").FillAsync(password);
        await admin.Locator("form.form-grid button[type=submit]").ClickAsync();
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/users");

        var row = admin.Locator("tr", new() { HasText = email });
        await Expect(row).ToContainTextAsync("Nguyễn Thị Lan");
        await Expect(row).ToContainTextAsync("Chuyên viên");

        var officer = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(officer, email, password);
        await Expect(officer.Locator(".whoami")).ToHaveTextAsync("Nguyễn Thị Lan");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await admin.Locator("input[name='Input.DisplayName']").FillAsync("Nguyễn Thị Lan Anh");
        await admin.Locator("form.form-grid button[type=submit]").First.ClickAsync();
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/users");

        var edited = admin.Locator("tr", new() { HasText = email });
        await Expect(edited).ToContainTextAsync("Nguyễn Thị Lan Anh");
        await Expect(edited).ToContainTextAsync("Chuyên viên");
    }
}
