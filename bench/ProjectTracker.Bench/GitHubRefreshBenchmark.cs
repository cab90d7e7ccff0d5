using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;
using ProjectTracker.Simulators.GitHub;

namespace ProjectTracker.Bench;

/// <summary>
/// A full refresh of N repositories against the GitHub simulator with added latency per request, then an unchanged
/// refresh, beside a one-repository-at-a-time baseline measured in the same run (each on a fresh database).
/// </summary>
public static class GitHubRefreshBenchmark
{
    public const string Name = "github-refresh";
    private const double SpeedUpTarget = 5;
    private const double UnchangedTarget = 1.05;

    public static async Task<int> RunAsync(string[] args)
    {
        var repositories = args.Length > 0 ? int.Parse(args[0]) : 100;
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1]) : 50);
        await using var github = await GitHubSimulatorServer.StartAsync();
        GitHubDataGenerator.Populate(github.State, repositories);
        github.State.AddedLatency = latency;
        var included = github.State.Repositories.Count(r => !r.Fork); // archived repositories are projects too (GitHub:IncludeArchived)

        var facts = PerformanceDoc.MachineFacts();
        Console.WriteLine($"GitHub refresh benchmark: {repositories} repositories ({included} counted), {latency.TotalMilliseconds:0} ms added per request, {facts}");
        var baseline = await MeasureAsync(github, parallel: 1);
        var parallel = await MeasureAsync(github, parallel: new GitHubOptions().MaxParallelRepositories);
        var refused = await MeasureRefusedAsync(repositories, latency);

        var report = Report(repositories, included, latency, facts, baseline, parallel, refused);
        Console.WriteLine(report);
        PerformanceDoc.ReplaceSection(Name, report);
        return 0;
    }

    private static string Report(int repositories, int included, TimeSpan latency, string facts, Result baseline, Result parallel, Refused refused)
    {
        var speedUp = baseline.Full.TotalSeconds / parallel.Full.TotalSeconds;
        var perRepository = (double)parallel.UnchangedRequests / included;
        var text = new System.Text.StringBuilder();
        text.AppendLine($"## GitHub refresh ({repositories} repositories, {latency.TotalMilliseconds:0} ms added per request)");
        text.AppendLine();
        text.AppendLine("Command (from the repository root):");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine($"dotnet run -c Release --project bench/ProjectTracker.Bench -- {Name} {repositories} {latency.TotalMilliseconds:0}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine($"What it does: starts the GitHub simulator on loopback with {repositories} generated repositories (`GitHubDataGenerator`, seed 42: " +
                        $"{included} counted after forks are left out) and {latency.TotalMilliseconds:0} ms of latency on every answer, then runs " +
                        "the real `GitHubRefreshService` (Octokit over HTTP, SQLite) twice on a fresh database: a full refresh, then an unchanged one. " +
                        "It does this once with one repository at a time (the baseline) and once with the default parallelism.");
        text.AppendLine();
        text.AppendLine(facts + ":");
        text.AppendLine();
        text.AppendLine("| run | full refresh | requests | unchanged refresh | requests | per repository | 304s |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        text.AppendLine(Row("one repository at a time (baseline)", baseline, included));
        text.AppendLine(Row($"{parallel.Parallel} repositories at a time (default)", parallel, included));
        text.AppendLine();
        text.AppendLine($"- Full refresh: **{speedUp:0.0}× faster** than the baseline (target ≥ {SpeedUpTarget:0}×: **{(speedUp >= SpeedUpTarget ? "met" : "missed")}**). " +
                        "The ratio, not the seconds, is the figure: both runs share the machine's noise.");
        text.AppendLine($"- Unchanged refresh: **{perRepository:0.00} requests per repository** (target ≤ {UnchangedTarget:0.00}: " +
                        $"**{(perRepository <= UnchangedTarget ? "met" : "missed")}**), {parallel.Unchanged304} of {parallel.UnchangedRequests} answered 304 " +
                        "(free under GitHub's rate limit).");
        text.AppendLine($"- At most {2 * parallel.Parallel} requests are in flight ({parallel.Parallel} repositories, each reading its new commits, then " +
                        "asking for languages and code frequency together), well inside GitHub's guidance of no more than 100 concurrent requests; " +
                        "a secondary limit pauses every worker, and no request goes out while the known remaining budget does not cover those in flight.");
        text.AppendLine($"- Rate limit spent mid-refresh (the same account with {refused.Budget} requests left, reset {RefusedResetAfter.TotalSeconds:0} s " +
                        $"later): **{refused.Count} requests refused** (goal 0, held to ≤ 3: **{(refused.Count <= 3 ? "met" : "missed")}**); the job " +
                        $"waited for the reset and completed in {refused.Elapsed.TotalSeconds:0.0} s.");
        text.AppendLine($"- Database after the full refresh: {parallel.DatabaseBytes / 1024.0:0} KB for {parallel.Commits:N0} stored commits " +
                        $"(**{parallel.DatabaseBytes / 1024.0 / Math.Max(1, parallel.Commits) * 1000:0} KB per 1,000 commits**, SQLite, write-ahead log " +
                        "checkpointed); the answer cache keeps listings, languages and statistics only.");
        text.AppendLine("- What limits the full refresh: per repository, one round trip of latency plus the SQLite transaction that stores its " +
                        "commits and statistics (write-ahead log, `synchronous=NORMAL`) — and, on a loaded machine, CPU: compare the load average above.");
        return text.ToString();
    }

    private static string Row(string label, Result r, int repositories) =>
        $"| {label} | {r.Full.TotalSeconds:0.00} s | {r.FullRequests} | {r.Unchanged.TotalSeconds:0.00} s | {r.UnchangedRequests} | {(double)r.UnchangedRequests / repositories:0.00} | {r.Unchanged304} |";

    private static async Task<Result> MeasureAsync(GitHubSimulatorServer github, int parallel)
    {
        var folder = Directory.CreateTempSubdirectory("pt-bench-");
        try
        {
            var contexts = new SqliteContexts($"{folder.FullName}/bench.db");
            await using (var db = contexts.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            var options = new GitHubOptions { ApiBaseUrl = github.BaseAddress, AccessToken = "test-token", MaxParallelRepositories = parallel };
            var service = new GitHubRefreshService(contexts, new DatabaseGitHubHttpCache(contexts), options, TimeProvider.System,
                new NoRefreshProgressNotifier(), NullLogger<GitHubRefreshService>.Instance);

            var (full, fullRequests, _) = await RunJobAsync(github, contexts, service);
            var (bytes, commits) = await DatabaseSizeAsync(contexts, $"{folder.FullName}/bench.db");
            var (unchanged, unchangedRequests, unchanged304) = await RunJobAsync(github, contexts, service);
            return new Result(parallel, full, fullRequests, unchanged, unchangedRequests, unchanged304, bytes, commits);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, int Requests, int NotModified)> RunJobAsync(
        GitHubSimulatorServer github, SqliteContexts contexts, GitHubRefreshService service)
    {
        var jobId = Guid.NewGuid().ToString();
        await using (var db = contexts.CreateDbContext())
        {
            db.RefreshJobs.Add(new RefreshJob { Id = jobId, StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        github.State.ResetRequestLog();
        var watch = Stopwatch.StartNew();
        await service.RunAsync(jobId, CancellationToken.None);
        watch.Stop();
        await using (var db = contexts.CreateDbContext())
        {
            var job = await db.RefreshJobs.SingleAsync(j => j.Id == jobId);
            if (job.Status != RefreshJobStatus.Completed)
            {
                throw new InvalidOperationException($"The benchmark's refresh failed: {job.ErrorMessage}");
            }
        }

        var requests = github.State.Requests.ToList();
        return (watch.Elapsed, requests.Count, requests.Count(r => r.StatusCode == 304));
    }

    private static async Task<(long Bytes, int Commits)> DatabaseSizeAsync(SqliteContexts contexts, string path)
    {
        await using var db = contexts.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        return (new FileInfo(path).Length, await db.ProjectCommits.CountAsync());
    }

    private static readonly TimeSpan RefusedResetAfter = TimeSpan.FromSeconds(5);

    /// <summary>A full refresh of the same account with a third of the budget it needs left: how many requests GitHub refuses.</summary>
    private static async Task<Refused> MeasureRefusedAsync(int repositories, TimeSpan latency)
    {
        await using var github = await GitHubSimulatorServer.StartAsync();
        GitHubDataGenerator.Populate(github.State, repositories);
        github.State.AddedLatency = latency;
        var budget = repositories * 4 / 3;
        var folder = Directory.CreateTempSubdirectory("pt-bench-");
        try
        {
            var contexts = new SqliteContexts($"{folder.FullName}/bench.db");
            await using (var db = contexts.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            var options = new GitHubOptions { ApiBaseUrl = github.BaseAddress, AccessToken = "test-token" };
            var service = new GitHubRefreshService(contexts, new DatabaseGitHubHttpCache(contexts), options, TimeProvider.System,
                new NoRefreshProgressNotifier(), NullLogger<GitHubRefreshService>.Instance);
            github.State.RateLimit.Remaining = budget; // set last, so the reset is still ahead when the job starts
            github.State.RateLimit.Reset = DateTimeOffset.UtcNow + RefusedResetAfter;
            var (elapsed, _, _) = await RunJobAsync(github, contexts, service);
            return new Refused(budget, github.State.RateLimit.Refused, elapsed);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private sealed record Result(
        int Parallel, TimeSpan Full, int FullRequests, TimeSpan Unchanged, int UnchangedRequests, int Unchanged304, long DatabaseBytes, int Commits);

    private sealed record Refused(int Budget, int Count, TimeSpan Elapsed);
}
