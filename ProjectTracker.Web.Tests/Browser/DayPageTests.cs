using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>A day's page on the demo: reached from the activity calendar, its measures and journal answers, own tags added and removed.</summary>
[Collection(DemoBrowserApp.Collection)]
public sealed class DayPageTests(DemoBrowserApp app, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Day_FromTheCalendar_ShowsItsJournal_AndTakesOwnTags(string width)
    {
        await using var session = await app.OpenPageAsync(output, $"{nameof(DayPageTests)}.{width}", width == "phone" ? Viewports.Phone : Viewports.Desktop);
        var page = session.Page;
        await session.OpenAsync("/github", "github");

        // A recent day with journal answers (the demo skips the journal on some days).
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var tags = Timesheet.CsvReader.Parse(await http.GetStringAsync("/api/export/tags.csv?days=30"));
        var date = tags.Skip(1).Where(row => row[2] == "journal").Select(row => row[0]).Max()!;

        // The calendar's link follows the day pointed at or tapped.
        var square = page.GetByTestId("activity-heatmap").Locator($"rect[data-date='{date}']");
        await square.DispatchEventAsync("click");
        var open = page.GetByTestId("activity-heatmap-open-day");
        await Assertions.Expect(open).ToHaveAttributeAsync("href", $"/days/{date}");
        await open.ClickAsync();
        await Assertions.Expect(page.GetByTestId("day-title")).ToContainTextAsync(DateOnly.Parse(date).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await session.WaitUntilInteractiveAsync();

        // The demo's journal answers for the day, and its measures.
        await Assertions.Expect(page.GetByTestId("day-measures")).ToContainTextAsync("Recovery");
        await Assertions.Expect(page.Locator("[data-testid=day-tag][data-source=journal]")).ToHaveCountAsync(4);
        // The automatic "late-night coding" tag as the API has it: marked automatic, with nothing to remove it.
        var day = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"/api/days/{date}"))!;
        var automatic = day["tags"]!.AsArray().Count(t => (string?)t!["source"] == "auto");
        var shown = page.Locator("[data-testid=day-tag][data-source=auto]");
        await Assertions.Expect(shown).ToHaveCountAsync(automatic);
        await Assertions.Expect(shown.GetByTestId("day-tag-automatic")).ToHaveCountAsync(automatic);
        await Assertions.Expect(shown.GetByTestId("day-tag-remove")).ToHaveCountAsync(0);

        // An own tag (this browser is on the app's machine, an install with no access set): added, shown, removed.
        var tag = $"focus {width}";
        await page.GetByTestId("day-tag-name").FillAsync($"  {tag} ");
        await page.GetByTestId("day-tag-submit").ClickAsync();
        var own = page.Locator("[data-testid=day-tag][data-source=own]").Filter(new() { HasText = tag });
        await Assertions.Expect(own).ToHaveCountAsync(1);
        await page.GetByTestId("day-tag-name").FillAsync("   ");
        await page.GetByTestId("day-tag-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("day-tag-error")).ToContainTextAsync("1 to 60 characters");
        await session.ScreenshotAsync("day");
        await own.GetByTestId("day-tag-remove").ClickAsync();
        await Assertions.Expect(own).ToHaveCountAsync(0);

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the day page scrolls sideways");
        session.AssertNoErrors();
    }
}
