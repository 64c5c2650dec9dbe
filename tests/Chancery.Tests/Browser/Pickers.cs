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
    /// <remarks>A second try when the first does not end with the option chosen, as a reader would try again
    /// when the list moved under the pointer (a page that restores its scroll position just after it loads
    /// can move it between the moment the option is found and the click). A picker that does not work
    /// fails both, and the failure says what the page showed each time.</remarks>
    public static async Task PickAsync(IPage page, string field, string typed, string label, bool exact = false)
    {
        var wrapper = page.Locator($"select[name='{field}'] + .ts-wrapper");
        var misses = new List<string>();
        while (true)
        {
            var miss = await TryPickAsync(page, wrapper, typed, label, exact);
            if (miss is null) return;
            misses.Add(miss);
            if (misses.Count == 2)
                throw new TimeoutException($"The picker {field} did not choose '{label}' after '{typed}' was typed, twice. "
                    + string.Join(" | then: ", misses));
            // Start again from a picker without the focus: clicking one that is open and focused closes it.
            await page.EvaluateAsync("() => document.activeElement?.blur()");
        }
    }

    /// <summary>One try; null when the option is chosen, else what went wrong and what the page showed.</summary>
    private static async Task<string?> TryPickAsync(IPage page, ILocator wrapper, string typed, string label, bool exact)
    {
        var answers = new List<string>();
        void Heard(object? sender, IResponse response)
        {
            if (response.Url.Contains("/api/v1/pickers/", StringComparison.Ordinal))
                lock (answers) answers.Add($"{response.Status} {response.Url}");
        }
        page.Response += Heard;
        var step = "click the box";
        try
        {
            // The box a reader clicks; Tom Select moves the focus to its search input and takes it as its
            // own a moment later (a timer). Keys pressed before then can be lost: a reader never types that
            // fast, a test on a busy machine does. So wait until it shows it takes keys (input-active).
            await wrapper.Locator(".ts-control").ClickAsync();
            step = "wait for the search box";
            await Expect(wrapper).ToHaveClassAsync(TakingKeys(), new() { Timeout = 10_000 });
            var input = wrapper.Locator(".ts-control input");
            if (await input.InputValueAsync() != "") await input.FillAsync(""); // left by a first try
            step = "type";
            await page.Keyboard.TypeAsync(typed, new() { Delay = 30 });
            await Expect(input).ToHaveValueAsync(typed, new() { Timeout = 10_000 });
            step = "find the option";
            var options = page.Locator(".ts-wrapper.dropdown-active .ts-dropdown .option");
            var option = (exact
                ? options.Filter(new() { Has = page.GetByText(label, new() { Exact = true }) })
                : options.Filter(new() { HasText = label })).First;
            await option.ClickAsync(new() { Timeout = 15_000 });
            step = "see it chosen";
            var chosen = wrapper.Locator(".ts-control .item");
            if (exact) await Expect(chosen).ToHaveTextAsync(label, new() { Timeout = 10_000 });
            else await Expect(chosen).ToContainTextAsync(label, new() { Timeout = 10_000 });
            return null;
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            string[] heard;
            lock (answers) heard = [.. answers];
            return $"at '{step}': {e.Message.Split('\n')[0]} The page showed {await DescribeAsync(wrapper)}; "
                + $"the picker's requests: [{string.Join("; ", heard)}]";
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
            return await wrapper.EvaluateAsync<string>("""
                w => JSON.stringify({
                    classes: w.className,
                    typed: w.querySelector('input')?.value ?? null,
                    options: [...document.querySelectorAll('.ts-dropdown .option')].slice(0, 10).map(o => o.textContent.trim()),
                    focus: document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : null,
                })
                """, null, new() { Timeout = 5_000 });
        }
        catch (PlaywrightException e)
        {
            return "(could not be read: " + e.Message + ")";
        }
    }
}
