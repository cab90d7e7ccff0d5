namespace ProjectTracker.Domain.GitHub;

/// <summary>A GitHub refresh run and its progress (table <c>refresh_job</c>, the old app's columns).</summary>
public sealed class RefreshJob
{
    public required string Id { get; set; }
    public string Status { get; set; } = RefreshJobStatus.Queued;
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? ErrorMessage { get; set; }
    public int RepositoriesProcessed { get; set; }
    public int TotalRepositories { get; set; }

    /// <summary>What the job is doing now, for people (e.g. waiting for GitHub's rate limit to reset).</summary>
    public string? StatusMessage { get; set; }

    /// <summary><c>manual</c> or <c>scheduled</c>.</summary>
    public string? Trigger { get; set; }
    public DateTime? UpdatedAt { get; set; }

    /// <summary>The background job system's id for the run, so start-up can tell a lost run from a live one.</summary>
    public string? BackgroundJobId { get; set; }

    /// <summary>GitHub's id of the one repository a project page's refresh asked for; null when all are refreshed.</summary>
    public long? RepositoryId { get; set; }

    /// <summary>Repositories that could not be read (403, 404, 409, 451) while the job went on with the others.</summary>
    public int WarningCount { get; set; }

    /// <summary>Which repositories failed and why: a JSON array of <see cref="RefreshWarning"/>.</summary>
    public string? Warnings { get; set; }

    /// <summary>The repositories that failed, from <see cref="Warnings"/>.</summary>
    public IReadOnlyList<RefreshWarning> ReadWarnings() =>
        Warnings is { Length: > 0 } json ? System.Text.Json.JsonSerializer.Deserialize<List<RefreshWarning>>(json) ?? [] : [];

    /// <summary>A detached copy, for publishing: whoever receives it cannot see (or make) later changes to this row.</summary>
    public RefreshJob Snapshot() => (RefreshJob)MemberwiseClone();

    /// <summary>Whether <paramref name="stored"/> says more about the same job than this copy: it ended, or it moved on.</summary>
    public bool IsOlderThan(RefreshJob stored) =>
        (!RefreshJobStatus.IsFinished(Status) && RefreshJobStatus.IsFinished(stored.Status))
        || stored.UpdatedAt > UpdatedAt || stored.RepositoriesProcessed > RepositoriesProcessed;

    /// <summary>Percent done with one decimal, 0 while the total is unknown (the old app's rule).</summary>
    public double Progress =>
        TotalRepositories > 0 ? Math.Round(RepositoriesProcessed * 100.0 / TotalRepositories, 1) : 0;
}

/// <summary>One repository a job could not read, and GitHub's reason.</summary>
public sealed record RefreshWarning(string Repository, int Status, string Reason);

public static class RefreshJobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static bool IsFinished(string status) => status is Completed or Failed;
}
