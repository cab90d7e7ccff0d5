using Microsoft.Playwright;

namespace ProjectTracker.Bench;

/// <summary>
/// Dashboards as a browser sees them: the published app on a database with 1,000 projects and five years of WHOOP data,
/// headless Chromium loading each page cold several times beside a trivial page of the same app (the baseline), the
/// bytes of a first load, and the server's memory with 50 GitHub dashboards open, then 50 of a year of WHOOP.
/// </summary>
public static class DashboardsBenchmark
{
    public const string Name = "dashboards";
    private const int Projects = 1_000;
    private const int WhoopDays = 5 * 365;
    private const int MeasuredRuns = 9;
    private const int OpenCircuits = 50;

    private static readonly DashboardPage Baseline = new("/nope (not found, baseline)", "nope", ["h1"]);
    private static readonly DashboardPage GitHub = new("/github (1,000 projects)", "github",
        ["[data-testid=kpi-projects-value]", "[data-testid=project-grid] tbody tr"]);
    private static readonly DashboardPage WhoopDefault = new("/whoop (default range, 30 days)", "whoop",
        ["[data-testid=kpi-recovery-value]", "[data-testid=workouts-table]"]);
    private static readonly DashboardPage WhoopYear = new("/whoop?days=365", "whoop?days=365",
        ["[data-testid=kpi-recovery-value]", "[data-testid=workouts-table]"]);
    private static readonly DashboardPage[] Pages = [Baseline, GitHub, WhoopDefault, WhoopYear];

    public static async Task<int> RunAsync()
    {
        var root = Repository.Root();
        var work = Directory.CreateTempSubdirectory("pt-bench-dashboards-");
        PublishedApp? app = null;
        // Ctrl+C skips finally blocks: stop the app and remove the folder from the handler too.
        ConsoleCancelEventHandler onCancel = (_, _) => CleanUp(app, work);
        Console.CancelKeyPress += onCancel;
        try
        {
            var facts = PerformanceDoc.MachineFacts();
            Console.WriteLine($"Dashboards benchmark: {facts}, {root}");
            var database = Path.Combine(work.FullName, "dashboards.db");
            var contents = await DashboardDatabase.CreateAsync(database, Projects, WhoopDays);
            Console.WriteLine($"database: {contents}");
            var publish = Path.Combine(work.FullName, "app");
            await PublishedApp.PublishAsync(root, publish);
            app = await PublishedApp.StartAsync(publish, database);
            Console.WriteLine($"app: pid {app.ProcessId} at {app.BaseAddress}");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });

            var loads = await TimePagesAsync(browser, app);
            // Trivial circuits first: their growth is what any page costs, so the dashboard's own share can be read off.
            List<CircuitMemory> memory = [];
            foreach (var page in new[] { Baseline, GitHub, WhoopYear })
            {
                memory.Add(await MeasureCircuitMemoryAsync(browser, app, page));
            }

            var report = DashboardsReport.Write(loads, memory, OpenCircuits, facts);
            Console.WriteLine(report);
            PerformanceDoc.ReplaceSection(Name, report);
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            DeleteFolder(work);
        }
    }

    // Rounds interleave the pages so a noisy moment on the machine falls on all of them, not on one; round 0 warms up.
    private static async Task<Dictionary<DashboardPage, List<PageLoad>>> TimePagesAsync(IBrowser browser, PublishedApp app)
    {
        var loads = Pages.ToDictionary(p => p, _ => new List<PageLoad>());
        for (var round = 0; round <= MeasuredRuns; round++)
        {
            foreach (var page in Pages)
            {
                var load = await PageLoadProbe.LoadAsync(browser, app.BaseAddress, page);
                Console.WriteLine($"round {round}{(round == 0 ? " (warm-up)" : "")} {page.Path}: html {load.ResponseStartMs:0} ms, fcp {load.FirstContentfulPaintMs:0} ms, " +
                                  $"dcl {load.DomContentLoadedMs:0} ms, socket {load.CircuitOpenMs:0} ms, batch {load.FirstBatchMs:0} ms, usable {load.InteractiveMs:0} ms, {load.Elements} elements, " +
                                  $"http {load.Traffic.HttpBytes() / 1024.0:0.0} KB, websocket in {load.Traffic.WebSocketReceivedBytes / 1024.0:0.0} KB");
                if (round > 0)
                {
                    loads[page].Add(load);
                }
            }
        }

        return loads;
    }

    private static async Task<CircuitMemory> MeasureCircuitMemoryAsync(IBrowser browser, PublishedApp app, DashboardPage page)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = await ReadAsync(app);
        var contexts = new List<IBrowserContext>();
        try
        {
            for (var i = 0; i < OpenCircuits; i++)
            {
                contexts.Add(await PageLoadProbe.OpenAsync(browser, app.BaseAddress, page));
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var open = await ReadAsync(app);
            foreach (var context in contexts)
            {
                await PageLoadProbe.CloseAsync(context);
            }

            contexts.Clear();
            await Task.Delay(TimeSpan.FromSeconds(5));
            return new CircuitMemory(page, before, open, await ReadAsync(app));
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    // The live heap first: its full collection also returns what it can to the resident set.
    private static async Task<MemoryReading> ReadAsync(PublishedApp app)
    {
        var live = await ManagedHeap.LiveBytesAsync(app.ProcessId);
        return new MemoryReading(app.ResidentBytes(), live);
    }

    private static void CleanUp(PublishedApp? app, DirectoryInfo work)
    {
        app?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        DeleteFolder(work);
    }

    private static void DeleteFolder(DirectoryInfo folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (folder.Exists)
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>The app's resident set and its managed heap after a full collection (what is still referenced).</summary>
public sealed record MemoryReading(long ResidentBytes, long LiveBytes);

public sealed record CircuitMemory(DashboardPage Page, MemoryReading Before, MemoryReading Open, MemoryReading AfterClose)
{
    public double GrowthPerPage(int pages) => (Open.ResidentBytes - Before.ResidentBytes) / (double)pages;

    /// <summary>What each open page keeps referenced on the server: its circuit, components and render tree.</summary>
    public double LiveGrowthPerPage(int pages) => (Open.LiveBytes - Before.LiveBytes) / (double)pages;
}
