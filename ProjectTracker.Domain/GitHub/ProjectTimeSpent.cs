using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub;

/// <summary>
/// Every project's stored <see cref="Project.TimeSpentMin"/>, its share of the owner's wall-clock coding time (decision
/// 0015). A project's share depends on the other projects' commits, so all of them are computed again together whenever
/// commits change: at the end of a refresh and when a project is deleted.
/// </summary>
public static class ProjectTimeSpent
{
    public static async Task RecomputeAsync(IDbContextFactory<TrackerDbContext> contexts, GitHubOptions options, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var minutes = (await CodingTimeline.ReadAsync(db, options, ct)).MinutesByProject();

        // Tracked, so only the projects whose share moved are written. A project the old app stored, never refreshed and
        // without commits here, keeps the figure it came with.
        foreach (var project in await db.Projects.ToListAsync(ct))
        {
            if (project.RefreshedAt is not null || minutes.ContainsKey(project.Id))
            {
                project.TimeSpentMin = minutes.GetValueOrDefault(project.Id);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
