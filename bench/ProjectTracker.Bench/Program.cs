using ProjectTracker.Bench;

var name = args.FirstOrDefault() ?? "github-refresh";
return name switch
{
    "github-refresh" => await GitHubRefreshBenchmark.RunAsync(args.Skip(1).ToArray()),
    "dashboards" => await DashboardsBenchmark.RunAsync(),
    ReadApiBenchmark.Name => await ReadApiBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/ProjectTracker.Bench -- github-refresh [repositories] [latency-ms]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ProjectTracker.Bench -- dashboards");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ProjectTracker.Bench -- read-api   (PostgreSQL too when BENCH_POSTGRES_URL is set)");
    return 2;
}
