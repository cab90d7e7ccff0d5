namespace ProjectTracker.Web.Tests.Browser;

/// <summary><see cref="Accessibility"/> itself: the page checks trust it to find what axe-core finds.</summary>
public sealed class AccessibilityTests
{
    [Fact]
    public async Task Violations_PageBreakingRules_NamesEachRuleElementAndFix()
    {
        var browser = await Chromium.SharedAsync();
        var page = await browser.NewPageAsync();
        try
        {
            // No language, no title, an image without a text alternative, grey on white: four WCAG A/AA rules broken.
            await page.SetContentAsync("<html><body><img id=photo src='data:,'><p style='color:#bbb'>faint</p></body></html>");

            var violations = await Accessibility.ViolationsAsync(page);
            var again = await Accessibility.ViolationsAsync(page); // axe-core is put into the page once, then reused

            Assert.Contains(violations, v => v.StartsWith("image-alt: #photo (", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.StartsWith("color-contrast: p (Element has insufficient color contrast", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.StartsWith("html-has-lang: html (", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.StartsWith("document-title: html (", StringComparison.Ordinal));
            Assert.Equal(violations, again);
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
