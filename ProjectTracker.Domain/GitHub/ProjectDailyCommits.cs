namespace ProjectTracker.Domain.GitHub;

/// <summary>The owner's commits on a project per UTC day (table <c>project_daily_commits</c>), for activity charts.</summary>
public sealed class ProjectDailyCommits
{
    public int ProjectId { get; set; }

    /// <summary>The UTC day (midnight).</summary>
    public DateTime Day { get; set; }
    public int Commits { get; set; }
}
