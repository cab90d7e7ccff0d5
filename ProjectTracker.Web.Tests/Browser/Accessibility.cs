using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules, run on the page as it is shown.</summary>
/// <remarks>
/// axe-core (the version bundled with Deque.AxeCore.Commons) is put into the page once and run there with
/// <c>axe.run</c>. Deque.AxeCore.Playwright's <c>RunAxe</c> gave the same results (every rule's passes, incomplete and
/// violations compared on three pages) at four to twenty times the browser's CPU: on every call it sent the 600 KB script
/// again and finished the run in a new blank page, a new browser context and renderer process, to merge the results of
/// frames, which these pages do not have. See docs/TESTING.md, "Browser tests".
/// </remarks>
public static class Accessibility
{
    private static readonly object WcagAa = new
    {
        runOnly = new { type = "tag", values = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa" } },
    };

    // The script defines window.axe; evaluated as a function's body, as the page's own scripts are not (no eval under the CSP).
    private static readonly Lazy<string> Inject = new(() => $"() => {{ {new BundledAxeScriptProvider().GetScript()} }}");

    /// <summary>Each violation as <c>rule: element (what to fix)</c>, at most three elements per rule.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Inject.Value);
        }

        var json = await page.EvaluateAsync<string>("async options => JSON.stringify(await window.axe.run(document, options))", WcagAa);
        var result = new AxeResult(JObject.Parse(json));
        return result.Violations
            .SelectMany(rule => rule.Nodes.Take(3).Select(node => $"{rule.Id}: {node.Target} ({Why(node)})"))
            .ToList();
    }

    private static string? Why(AxeResultNode node) =>
        node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).FirstOrDefault();
}
