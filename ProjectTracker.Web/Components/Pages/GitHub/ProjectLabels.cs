using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Web.Components.Pages.GitHub;

/// <summary>How the dashboards name a project: its name, or <c>owner/name</c> where another shown project has the same repository name.</summary>
public static class ProjectLabels
{
    public static string Label(Project project, IReadOnlyList<Project> all) =>
        project.FullName is { } fullName && all.Count(p => string.Equals(RepositoryName(p), RepositoryName(project), StringComparison.OrdinalIgnoreCase)) > 1
            ? fullName
            : project.Name;

    private static string RepositoryName(Project project) => project.FullName?.Split('/', 2)[^1] ?? project.Name;
}
