using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// Issue 11, points 3 and 6: every commit of the owner counts (unlinked emails, merges of old-dated commits, force-pushes)
/// at a bounded cost, and the answer cache stays small.
/// </summary>
public sealed class GitHubCommitAttributionTests
{
    private static DateTime At(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]
    public async Task Refresh_CommitsFromAnEmailGitHubDoesNotLink_CountWhenConfigured(string provider)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(
            new Dictionary<string, string?> { ["GitHub:AuthorEmails"] = "me@old-laptop.local" }, database: TestDatabases.For(provider));
        var github = h.Simulator;
        github.Emails.Add(("me@work.example", true, true));
        var alpha = github.AddRepository("alpha");
        github.AddCommit(alpha, At(3, 2));
        github.AddUnlinkedCommit(alpha, At(3, 3), "me@old-laptop.local");
        github.AddUnlinkedCommit(alpha, At(3, 4), "me@old-laptop.local");
        github.AddUnlinkedCommit(alpha, At(3, 5), "someone@elsewhere.example");
        github.AddUnlinkedCommit(alpha, At(3, 6), "me@work.example"); // verified: GitHub links it to the account
        var laptopOnly = github.AddRepository("laptop-only");
        github.AddUnlinkedCommit(laptopOnly, At(3, 7), "me@old-laptop.local");

        await h.RefreshAsync();
        github.AddUnlinkedCommit(alpha, At(3, 10), "me@old-laptop.local"); // counted again on the incremental path
        github.AddUnlinkedCommit(alpha, At(3, 11), "someone@elsewhere.example");
        await h.RefreshAsync();

        var projects = (await h.ProjectsAsync()).ToDictionary(p => (string)p!["name"]!, p => (int)p!["commits"]!);
        Assert.Equal(5, projects["alpha"]);
        Assert.Equal(1, projects["laptop-only"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Both), MemberType = typeof(TestDatabases))]
    public async Task Refresh_MergeOfOldDatedCommits_CountedOnTheNextRefreshWithAHandfulOfRequests(string provider)
    {
        await using var h = await GitHubRefreshHarness.StartAsync(database: TestDatabases.For(provider));
        var big = h.Simulator.AddRepository("big");
        var start = At(1, 1, 0).AddYears(-1);
        for (var i = 0; i < 3000; i++)
        {
            h.Simulator.AddCommit(big, start.AddHours(3 * i));
        }

        await h.RefreshAsync();
        h.Simulator.ResetRequestLog();
        h.Simulator.MergeOldBranch(big, [At(1, 10, 9), At(1, 10, 10), At(1, 12, 9)], mergedAt: At(3, 14));
        await h.RefreshAsync();

        var project = await h.Client.GetJsonAsync("/api/github/project/big");
        Assert.Equal(3004, (int?)project["commits"]);
        var requests = h.Simulator.Requests.Where(r => r.PathAndQuery.Contains("/big/")).ToList();
        Assert.True(requests.Count <= 4, $"{requests.Count} requests: {string.Join(", ", requests.Select(r => r.PathAndQuery))}");
        await using var db = await h.App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.Equal(3004, await db.ProjectCommits.CountAsync());
        // Point 6: no commit page or comparison is kept; what is kept is a few small answers.
        var cached = await db.GitHubHttpCache.AsNoTracking().Select(e => new { e.Url, e.Body.Length }).ToListAsync();
        Assert.DoesNotContain(cached, e => e.Url.Contains("/commits") || e.Url.Contains("/compare/"));
        Assert.True(cached.Sum(e => e.Length) < 20_000, $"{cached.Sum(e => e.Length)} bytes cached in {cached.Count} entries");
    }

    /// <summary>Point 6: the database of an account with 3,000 commits stays within a few MB (it was ~10 MB of cached commit pages).</summary>
    [Fact]
    public async Task Refresh_ThreeThousandCommits_KeepTheSqliteDatabaseWithinAFewMegabytes()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        var start = At(1, 1, 0).AddYears(-1);
        for (var r = 0; r < 3; r++)
        {
            var repository = h.Simulator.AddRepository($"repo-{r}");
            for (var i = 0; i < 1000; i++)
            {
                h.Simulator.AddCommit(repository, start.AddHours(3 * i + r));
            }
        }

        await h.RefreshAsync();
        await h.RefreshAsync();

        await using var db = await h.App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.Equal(3000, await db.ProjectCommits.CountAsync());
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        var bytes = new FileInfo(h.SqlitePath).Length;
        Assert.True(bytes < 3 * 1024 * 1024, $"{bytes / 1024} KB for 3,000 commits");
    }

    [Fact]
    public async Task Refresh_ForcePushThatDropsCommits_RebuildsTheHistoryWithoutDoubling()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        var alpha = h.Simulator.AddRepository("alpha");
        for (var day = 1; day <= 5; day++)
        {
            h.Simulator.AddCommit(alpha, At(3, day));
        }

        await h.RefreshAsync();
        h.Simulator.ForcePush(alpha, dropped: 2);
        h.Simulator.AddCommit(alpha, At(3, 9));
        await h.RefreshAsync();

        var project = await h.Client.GetJsonAsync("/api/github/project/alpha");
        Assert.Equal(4, (int?)project["commits"]);
        Assert.Equal("2026-03-09T12:00:00Z", (string?)project["last_commit_date"]);
        Assert.Equal(4, (int?)project["active_days"]);
    }

    [Fact]
    public async Task Refresh_CacheEntriesNoRefreshAsksFor_ArePruned()
    {
        await using var h = await GitHubRefreshHarness.StartAsync();
        h.Simulator.AddCommit(h.Simulator.AddRepository("alpha"), At(3, 2));
        await h.App.SeedAsync(db =>
        {
            db.GitHubHttpCache.Add(new GitHubHttpCacheEntry
            {
                Url = h.GitHub.BaseAddress + "repos/octo-owner/alpha/commits?author=octo-owner&page=7&per_page=100",
                ETag = "\"old\"", Body = new string('x', 100_000), StoredAt = At(1, 1),
            });
            return Task.CompletedTask;
        });

        await h.RefreshAsync();

        await using var db = await h.App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.False(await db.GitHubHttpCache.AnyAsync(e => e.Url.Contains("/commits")));
        Assert.True(await db.GitHubHttpCache.AnyAsync(e => e.Url.Contains("/languages")));
    }

    [Fact]
    public async Task Refresh_StatisticsStillComputing_AreAskedAgainAfterTheOtherRepositories()
    {
        await using var h = await GitHubRefreshHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:MaxParallelRepositories"] = "1" });
        var alpha = h.Simulator.AddRepository("alpha");
        h.Simulator.AddCommit(alpha, At(3, 2));
        alpha.CodeFrequency.Add([1772323200, 100, -10]);
        alpha.StatisticsComputingResponses = 1;
        foreach (var name in new[] { "beta", "gamma" })
        {
            h.Simulator.AddCommit(h.Simulator.AddRepository(name), At(3, 3));
        }

        await h.RefreshAsync();

        var log = h.Simulator.Requests.Select(r => r.PathAndQuery).ToList();
        var secondAsk = log.FindLastIndex(p => p.Contains("/alpha/stats/code_frequency"));
        Assert.True(secondAsk > log.FindLastIndex(p => p.Contains("/gamma/")), string.Join(", ", log));
        Assert.Equal(90, (int?)(await h.Client.GetJsonAsync("/api/github/project/alpha"))["loc"]);
    }
}
