using System.Globalization;

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

/// <summary>
/// The one ordering of projects by a <see cref="ProjectSort"/>, shared by the API's <c>sort</c>/<c>order</c> and the
/// dashboard's table: projects without the value come last in both directions, and equal values compare equal, so a
/// stable sort keeps the caller's own order (the API then orders ties by name, the table keeps the list's order).
/// </summary>
public static class ProjectOrdering
{
    /// <summary>An order's first direction: names A to Z, numbers and dates largest or newest first.</summary>
    public static bool DescendingFirst(ProjectSort sort) => sort != ProjectSort.Name;

    public static IComparer<Project> By(ProjectSort sort, bool descending)
    {
        Comparison<Project> compare = sort switch
        {
            // In the current culture ignoring case: the order of the lower-cased names the API always had, without
            // lower-casing two strings per comparison.
            ProjectSort.Name => (a, b) => (descending ? -1 : 1) * CultureInfo.CurrentCulture.CompareInfo.Compare(a.Name, b.Name, CompareOptions.IgnoreCase),
            ProjectSort.Loc => (a, b) => MissingLast(a.Loc, b.Loc, descending),
            ProjectSort.Commits => (a, b) => MissingLast(a.CommitCount, b.CommitCount, descending),
            ProjectSort.TimeSpent => (a, b) => MissingLast(a.TimeSpentMin, b.TimeSpentMin, descending),
            ProjectSort.ActiveDays => (a, b) => MissingLast(a.ActiveDays, b.ActiveDays, descending),
            ProjectSort.CodeChurn => (a, b) => MissingLast(a.CodeChurn, b.CodeChurn, descending),
            ProjectSort.Size => (a, b) => MissingLast(a.RepositorySizeKb, b.RepositorySizeKb, descending),
            _ => (a, b) => MissingLast(a.LastCommitDate, b.LastCommitDate, descending),
        };
        return Comparer<Project>.Create(compare);
    }

    /// <summary>
    /// The projects in the API's order: by <paramref name="sort"/> in the direction asked for, ties by name (ignoring
    /// case), so every order is total. Sorted in memory: a personal account has hundreds of repositories at most.
    /// </summary>
    public static IReadOnlyList<Project> Sort(IEnumerable<Project> projects, ProjectSort sort, bool descending) =>
        projects.Order(By(sort, descending)).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Compares two values in the direction asked for, a missing value after any present one either way.</summary>
    public static int MissingLast<T>(T a, T b, bool descending, IComparer<T>? comparer = null) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => (descending ? -1 : 1) * (comparer ?? Comparer<T>.Default).Compare(a, b),
    };
}
