using Microsoft.Playwright;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Simulators.Whoop;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>An app with no WHOOP settings at all, that only an imported export fills.</summary>
public sealed class ImportBrowserApp : BrowserApp
{
    protected override Task<IReadOnlyDictionary<string, string>> PrepareAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

/// <summary>"Import WHOOP export" on /whoop: the upload's progress, a summary of what arrived, and the dashboard filled by it.</summary>
public sealed class WhoopImportBrowserTests(ImportBrowserApp app, ITestOutputHelper output) : IClassFixture<ImportBrowserApp>
{
    [Fact]
    public async Task Import_FromTheWhoopPage_SummarisesAndFillsTheDashboard()
    {
        var whoop = new WhoopSimulatorState(new FakeTimeProvider(DateTimeOffset.UtcNow));
        WhoopDataGenerator.Populate(whoop, days: 45);
        var journal = WhoopJournalGenerator.For(whoop);
        var zip = WhoopExportWriter.Write(whoop, journal);
        await using var session = await app.OpenPageAsync(output, nameof(Import_FromTheWhoopPage_SummarisesAndFillsTheDashboard), Viewports.Desktop);
        await session.OpenAsync("/whoop", "before");
        await Assertions.Expect(session.Page.GetByTestId("whoop-empty")).ToBeVisibleAsync();

        await session.Page.GetByTestId("whoop-import-file").SetInputFilesAsync(new FilePayload { Name = "my_whoop_data.zip", MimeType = "application/zip", Buffer = zip });

        var summary = session.Page.GetByTestId("whoop-import-summary");
        await Assertions.Expect(summary).ToContainTextAsync($"Imported {whoop.Cycles.Count:N0} days");
        await Assertions.Expect(summary).ToContainTextAsync($"{whoop.Workouts.Count:N0} workouts and {journal.Count:N0} journal answers");
        // The page reads the imported history at once, with no WHOOP connection.
        await Assertions.Expect(session.Page.GetByTestId("whoop-empty")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("after");

        await session.Page.SetViewportSizeAsync(Viewports.Phone.Width, Viewports.Phone.Height);
        await Assertions.Expect(session.Page.GetByTestId("whoop-import-button")).ToBeVisibleAsync();

        // The journal's questions are weighed on /insights at once: each in the Habits section, held or not.
        await session.OpenAsync("/insights?days=90", "habits");
        var habits = session.Page.GetByTestId("insights-habits");
        await Assertions.Expect(habits).ToContainTextAsync(WhoopJournalGenerator.Alcohol);
        await Assertions.Expect(habits).ToContainTextAsync(WhoopJournalGenerator.Caffeine);
        session.AssertNoErrors();
    }
}
