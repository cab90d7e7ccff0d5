namespace ProjectTracker.Domain.GitHub;

/// <summary>Orders for the project list; the query-string names are the JSON field names.</summary>
public enum ProjectSort
{
    LastCommit,
    Name,
    Loc,
    Commits,
    TimeSpent,
    ActiveDays,
    CodeChurn,
    Size,
}

public static class ProjectSortNames
{
    public static readonly IReadOnlyDictionary<string, ProjectSort> ByName =
        new Dictionary<string, ProjectSort>(StringComparer.OrdinalIgnoreCase)
        {
            ["last_commit_date"] = ProjectSort.LastCommit,
            ["name"] = ProjectSort.Name,
            ["loc"] = ProjectSort.Loc,
            ["commits"] = ProjectSort.Commits,
            ["time_spent"] = ProjectSort.TimeSpent,
            ["active_days"] = ProjectSort.ActiveDays,
            ["code_churn"] = ProjectSort.CodeChurn,
            ["repository_size_kb"] = ProjectSort.Size,
        };
}
