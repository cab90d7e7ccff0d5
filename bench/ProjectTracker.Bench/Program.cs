using ProjectTracker.Bench;

var name = args.FirstOrDefault() ?? "github-refresh";
var rest = args.Skip(1).ToArray();
return name switch
{
    GitHubRefreshBenchmark.Name => await GitHubRefreshBenchmark.RunAsync(rest),
    DashboardsBenchmark.Name => await DashboardsBenchmark.RunAsync(),
    ReadApiBenchmark.Name => await ReadApiBenchmark.RunAsync(rest),
    WhoopSyncBenchmark.Name => await PrintedSection.RunAsync(
        WhoopSyncBenchmark.Name, WhoopSyncBenchmark.Title, WhoopSyncBenchmark.Description, rest, () => WhoopSyncBenchmark.RunAsync(rest)),
    WhoopImportBenchmark.Name => await PrintedSection.RunAsync(
        WhoopImportBenchmark.Name, WhoopImportBenchmark.Title, WhoopImportBenchmark.Description, rest, () => WhoopImportBenchmark.RunAsync(rest)),
    // The import's step-by-step profile alone, printed only (the benchmark prints it too, into its section).
    ImportProfile.Name => await ImportProfile.RunAsync(),
    StartupBenchmark.Name => await PrintedSection.RunAsync(
        StartupBenchmark.Name, StartupBenchmark.Title, StartupBenchmark.Description, rest, () => StartupBenchmark.RunAsync(rest)),
    // bench/run-all.sh writes its summary through the same section mechanism as the benchmarks.
    "write-section" when args.Length == 3 => WriteSection(args[1], args[2]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/ProjectTracker.Bench -- github-refresh [repositories] [latency-ms]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ProjectTracker.Bench -- dashboards");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ProjectTracker.Bench -- read-api   (PostgreSQL too when BENCH_POSTGRES_URL is set)");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ProjectTracker.Bench -- whoop-sync [latency-ms]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ProjectTracker.Bench -- whoop-import [rounds]   (PostgreSQL too when BENCH_POSTGRES_URL is set)");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ProjectTracker.Bench -- whoop-import-profile");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ProjectTracker.Bench -- startup [runs]");
    return 2;
}

static int WriteSection(string name, string markdownFile)
{
    PerformanceDoc.ReplaceSection(name, File.ReadAllText(markdownFile));
    return 0;
}
