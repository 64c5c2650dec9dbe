using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

/// <summary>Choosing in a picker (wwwroot/js/pickers.js) the way a reader does: click the box, type,
/// click the option the server offers, and see it chosen. One helper for every browser test, so a
/// picker that does not answer fails the same way everywhere and says what the page showed.</summary>
public static partial class Pickers
{
    /// <param name="field">The name of the &lt;select&gt; the picker enhances.</param>
    /// <param name="typed">What the reader types in its search box.</param>
    /// <param name="label">The option to choose: its whole text when <paramref name="exact"/>, else a part of it.</param>
    public static async Task PickAsync(IPage page, string field, string typed, string label, bool exact = false)
    {
        var wrapper = page.Locator($"select[name='{field}'] + .ts-wrapper");
        var answers = new List<string>();
        void Heard(object? sender, IResponse response)
        {
            if (response.Url.Contains("/api/v1/pickers/", StringComparison.Ordinal))
                lock (answers) answers.Add($"{response.Status} {response.Url}");
        }
        page.Response += Heard;
        try
        {
            // The box a reader clicks; Tom Select moves the focus to its search input. It takes the focus
            // as its own a moment later (a timer), and drops the keys pressed before that: a reader never
            // types that fast, a test on a busy machine does. So wait until it shows it takes keys
            // (its input-active class: focused, input shown).
            await wrapper.Locator(".ts-control").ClickAsync();
            await Expect(wrapper).ToHaveClassAsync(TakingKeys());
            await page.Keyboard.TypeAsync(typed, new() { Delay = 30 });
            await Expect(wrapper.Locator(".ts-control input")).ToHaveValueAsync(typed);
            var options = page.Locator(".ts-wrapper.dropdown-active .ts-dropdown .option");
            var option = (exact
                ? options.Filter(new() { Has = page.GetByText(label, new() { Exact = true }) })
                : options.Filter(new() { HasText = label })).First;
            try
            {
                await option.ClickAsync();
            }
            catch (TimeoutException e)
            {
                string[] heard;
                lock (answers) heard = [.. answers];
                throw new TimeoutException($"The picker {field} offered no '{label}' after '{typed}' was typed. "
                    + $"The page showed: {await DescribeAsync(wrapper)}; the picker's requests: [{string.Join("; ", heard)}]", e);
            }
            var chosen = wrapper.Locator(".ts-control .item");
            if (exact) await Expect(chosen).ToHaveTextAsync(label);
            else await Expect(chosen).ToContainTextAsync(label);
        }
        finally
        {
            page.Response -= Heard;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(^|\s)input-active(\s|$)")]
    private static partial System.Text.RegularExpressions.Regex TakingKeys();

    /// <summary>What a reader would see of the picker, and where the focus is: enough to tell a lost focus
    /// from an empty answer when a run fails on a machine nobody can watch.</summary>
    private static async Task<string> DescribeAsync(ILocator wrapper)
    {
        try
        {
            var seen = await wrapper.EvaluateAsync<JsonElement>("""
                w => ({
                    classes: w.className,
                    typed: w.querySelector('input')?.value ?? null,
                    options: [...document.querySelectorAll('.ts-dropdown .option')].slice(0, 10).map(o => o.textContent.trim()),
                    focus: document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : null,
                })
                """, null, new() { Timeout = 5_000 });
            return seen.GetRawText();
        }
        catch (PlaywrightException e)
        {
            return "(could not be read: " + e.Message + ")";
        }
    }
}
