using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Web.GitHub.Components;

/// <summary>
/// How the dashboards name the projects of a list: each by its name, or <c>owner/name</c> where another project of the
/// list has the same repository name. Counted once per list, so naming every row is not a pass over the list each.
/// </summary>
public sealed class ProjectLabels
{
    private readonly Dictionary<string, int> _repositories = new(StringComparer.OrdinalIgnoreCase);

    public ProjectLabels(IEnumerable<Project> shown)
    {
        foreach (var project in shown)
        {
            _repositories[RepositoryName(project)] = _repositories.GetValueOrDefault(RepositoryName(project)) + 1;
        }
    }

    public string Label(Project project) =>
        project.FullName is { } fullName && _repositories.GetValueOrDefault(RepositoryName(project)) > 1 ? fullName : project.Name;

    private static string RepositoryName(Project project) =>
        project.FullName is { } fullName && fullName.IndexOf('/') is var slash and >= 0 ? fullName[(slash + 1)..] : project.FullName ?? project.Name;
}
