using System.Diagnostics;
using System.Net;

namespace ProjectTracker.Bench;

/// <summary>
/// Time from process start to the first 200 on <c>/healthz</c>: the app published as deployed (ReadyToRun) on a cold SQLite
/// database (no file yet, so every migration runs) and on an existing one, the same without ReadyToRun, and the smallest
/// published ASP.NET Core app (the baseline); runs interleaved so the machine's noise falls on all alike.
/// </summary>
public static class StartupBenchmark
{
    public const string Name = "startup";
    public const string Title = "Start-up (published app, cold SQLite database)";

    public const string Description = """
        What it does (about 4 minutes, most of it publishing): publishes the app as the Dockerfile does
        (`dotnet publish -c Release -r linux-x64`, which compiles it ReadyToRun), the same app without a runtime identifier
        (everything compiled just in time), and `bench/BaselineApp` (the smallest ASP.NET Core app: Kestrel and one
        `/healthz`, the baseline). Then, interleaved, starts each as its own process in Production and polls `/healthz` every
        5 ms from the moment the process is started until it answers 200: the app on a database file that does not exist
        yet (created, every migration applied), on an existing database, and without ReadyToRun on the existing database.
        Target: the cold start under 3 s.
        """;

    private static readonly TimeSpan Target = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0]) : 7;
        var root = Repository.Root();
        var work = Directory.CreateTempSubdirectory("pt-bench-startup-");
        try
        {
            var app = Path.Combine(work.FullName, "app");
            var jitted = Path.Combine(work.FullName, "app-jit");
            var baseline = Path.Combine(work.FullName, "baseline");
            await PublishedApp.PublishAsync(root, app);
            await PublishedApp.PublishAsync(root, jitted, readyToRun: false);
            await PublishedApp.PublishProjectAsync(Path.Combine(root, "bench", "BaselineApp", "BaselineApp.csproj"), baseline);

            var warmDatabase = Path.Combine(work.FullName, "warm.db");
            await TimeToHealthyAsync(Path.Combine(app, "ProjectTracker.Web.dll"), warmDatabase); // creates it; not counted

            Console.WriteLine($"Start-up benchmark: {runs} runs each, interleaved, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
            var cold = new List<TimeSpan>();
            var warm = new List<TimeSpan>();
            var floor = new List<TimeSpan>();
            var jit = new List<TimeSpan>();
            for (var run = 0; run < runs; run++)
            {
                floor.Add(await TimeToHealthyAsync(Path.Combine(baseline, "BaselineApp.dll"), databasePath: null));
                cold.Add(await TimeToHealthyAsync(Path.Combine(app, "ProjectTracker.Web.dll"), Path.Combine(work.FullName, $"cold-{run}.db")));
                warm.Add(await TimeToHealthyAsync(Path.Combine(app, "ProjectTracker.Web.dll"), warmDatabase));
                jit.Add(await TimeToHealthyAsync(Path.Combine(jitted, "ProjectTracker.Web.dll"), warmDatabase));
            }

            var baselineMedian = Median(floor);
            Console.WriteLine();
            Console.WriteLine("| start | median | fastest | slowest | × baseline |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            Report("smallest ASP.NET Core app (baseline)", floor, baselineMedian);
            Report("Project Tracker, cold SQLite (all migrations)", cold, baselineMedian);
            Report("Project Tracker, existing SQLite database", warm, baselineMedian);
            Report("Project Tracker without ReadyToRun, existing database", jit, baselineMedian);
            Console.WriteLine();
            var met = Median(cold) < Target;
            Console.WriteLine($"- Cold start to the first 200 on /healthz: **{Median(cold).TotalSeconds:0.00} s** median (target < {Target.TotalSeconds:0} s: {(met ? "met" : "MISSED")}).");
            return met ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static void Report(string label, List<TimeSpan> times, TimeSpan baseline) =>
        Console.WriteLine($"| {label} | {Median(times).TotalSeconds:0.00} s | {times.Min().TotalSeconds:0.00} s | {times.Max().TotalSeconds:0.00} s | {Median(times) / baseline:0.0}× |");

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    /// <summary>Starts the program in Production and polls <c>/healthz</c> every 5 ms until it answers 200.</summary>
    private static async Task<TimeSpan> TimeToHealthyAsync(string dll, string? databasePath)
    {
        var port = PublishedApp.FreePort();
        var start = PublishedApp.StartInfo(dll, port, databasePath is null ? null : $"sqlite:///{databasePath}");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        try
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{dll} exited ({process.ExitCode}) before /healthz answered:\n{string.Concat(await output)}");
                }

                try
                {
                    using var response = await http.GetAsync("healthz");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return watch.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(5);
            }

            throw new TimeoutException($"{dll} did not answer 200 on /healthz within 60 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
