using Bunit;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.Components;

namespace ProjectTracker.Web.Tests.Components;

public sealed class RefreshProgressTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    [Fact]
    public void Render_Queued_ShowsProgressWaitingToStart()
    {
        var progress = _context.Render<RefreshProgress>(p => p.Add(r => r.Job, Job(RefreshJobStatus.Queued, 0, 0)));

        var text = progress.Find("[data-testid=refresh-progress]").TextContent;
        Assert.Contains("Queued", text);
        Assert.Contains("0 / 0", text);
    }

    [Fact]
    public void Render_Running_ShowsProcessedOfTotalAndTheStatusMessage()
    {
        var job = Job(RefreshJobStatus.Running, 3, 36);
        job.StatusMessage = "Waiting for GitHub's rate limit to reset";

        var progress = _context.Render<RefreshProgress>(p => p.Add(r => r.Job, job).Add(r => r.ItemName, "repositories"));

        var text = progress.Find("[data-testid=refresh-progress]").TextContent;
        Assert.Contains("3 / 36", text);
        Assert.Contains("repositories", text);
        Assert.Contains("Waiting for GitHub's rate limit to reset", text);
        Assert.Empty(progress.FindAll("[data-testid=refresh-result], [data-testid=refresh-error]"));
    }

    [Fact]
    public void Render_Succeeded_ShowsTheResultInsteadOfProgress()
    {
        var job = Job(RefreshJobStatus.Completed, 36, 36);
        job.CompletedAt = new DateTime(2026, 3, 15, 12, 30, 0, DateTimeKind.Utc);

        var progress = _context.Render<RefreshProgress>(p => p.Add(r => r.Job, job));

        var result = progress.Find("[data-testid=refresh-result]").TextContent;
        Assert.Contains("36 / 36", result);
        Assert.Contains("2026-03-15 12:30 UTC", result);
        Assert.Empty(progress.FindAll("[data-testid=refresh-progress]"));
    }

    [Fact]
    public void Render_Failed_ShowsTheError()
    {
        var job = Job(RefreshJobStatus.Failed, 5, 36);
        job.ErrorMessage = "GitHub refused the token (401).";

        var progress = _context.Render<RefreshProgress>(p => p.Add(r => r.Job, job));

        Assert.Contains("GitHub refused the token (401).", progress.Find("[data-testid=refresh-error]").TextContent);
        Assert.Empty(progress.FindAll("[data-testid=refresh-progress], [data-testid=refresh-result]"));
    }

    [Fact]
    public void Render_SeparateParameters_WorkWithoutAGitHubJob()
    {
        var progress = _context.Render<RefreshProgress>(p => p
            .Add(r => r.Status, RefreshJobStatus.Running).Add(r => r.Processed, 120).Add(r => r.Total, 365).Add(r => r.ItemName, "days"));

        Assert.Contains("120 / 365 days", progress.Find("[data-testid=refresh-progress]").TextContent);
    }

    [Fact]
    public void Render_NoJob_ShowsNothing()
    {
        var progress = _context.Render<RefreshProgress>();

        Assert.Equal("", progress.Markup.Trim());
    }

    private static RefreshJob Job(string status, int processed, int total) =>
        new() { Id = "job-1", Status = status, RepositoriesProcessed = processed, TotalRepositories = total };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();
}
