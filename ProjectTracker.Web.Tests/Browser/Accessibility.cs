using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules, run on the page as it is shown.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    /// <summary>Each violation as <c>rule: element (what to fix)</c>, at most three elements per rule.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        return result.Violations
            .SelectMany(rule => rule.Nodes.Take(3).Select(node => $"{rule.Id}: {node.Target} ({Why(node)})"))
            .ToList();
    }

    private static string? Why(AxeResultNode node) =>
        node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).FirstOrDefault();
}
