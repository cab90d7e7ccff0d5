namespace ProjectTracker.Domain.GitHub;

/// <summary>One repository's statistics (table <c>project</c>; the first ten columns are the old app's).</summary>
public sealed class Project
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public double? TimeSpentMin { get; set; }
    public int? Loc { get; set; }
    public int? CommitCount { get; set; }
    public int? ActiveDays { get; set; }
    public DateTime? LastCommitDate { get; set; }
    public int? CodeChurn { get; set; }
    public string? PrimaryLanguage { get; set; }
    public double? RepositorySizeKb { get; set; }

    /// <summary>True when <see cref="Loc"/> was estimated from the repository size (GitHub gave no statistics).</summary>
    public bool LocEstimated { get; set; }
    public DateTime? FirstCommitDate { get; set; }
    public string? HtmlUrl { get; set; }
    public string? Description { get; set; }
    public DateTime? PushedAt { get; set; }
    public DateTime? RefreshedAt { get; set; }

    /// <summary>GitHub's repository id: the project keeps its history when the repository is renamed.</summary>
    public long? GitHubId { get; set; }
    public string? DefaultBranch { get; set; }

    /// <summary>The repository's <c>pushed_at</c> when its statistics were last computed; unchanged means nothing to fetch.</summary>
    public DateTime? SyncedPushedAt { get; set; }

    /// <summary><c>owner/name</c>: tells apart repositories of the same name under different owners.</summary>
    public string? FullName { get; set; }
    public string? OwnerLogin { get; set; }
    public bool Archived { get; set; }

    /// <summary>When a refresh found the repository gone (deleted, transferred away, unreadable, excluded); null while it is listed.</summary>
    public DateTime? GoneAt { get; set; }
    public string? GoneReason { get; set; }

    /// <summary>The owner chose to hide the project from the dashboards and <c>/api</c> lists (its history stays).</summary>
    public bool Hidden { get; set; }

    /// <summary>The last refresh could not read this repository (403, 404, 409, 451): the figures are the last good ones.</summary>
    public DateTime? FailedAt { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>The default branch's head the stored commits were read up to: the base of the next compare.</summary>
    public string? HeadSha { get; set; }
}
