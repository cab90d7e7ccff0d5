using Octokit;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// The <c>name</c> of each repository's project, unique and stable: the repository's name, or its <c>owner/name</c> when
/// another project already has that name (ignoring case). A project keeps its name until its repository is renamed; among
/// new repositories of the same name, the account's own gets the plain name, then the first by full name.
/// </summary>
public static class ProjectNames
{
    public sealed record StoredName(string Name, long? GitHubId, string? FullName);

    public static Dictionary<long, string> Assign(IEnumerable<Repository> repositories, IReadOnlyList<StoredName> stored, string login)
    {
        var taken = stored.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byId = stored.Where(p => p.GitHubId is not null).ToDictionary(p => p.GitHubId!.Value);
        var names = new Dictionary<long, string>();
        var ordered = repositories
            .OrderBy(r => !string.Equals(r.Owner.Login, login, StringComparison.OrdinalIgnoreCase))
            .ThenBy(r => r.FullName, StringComparer.OrdinalIgnoreCase);
        foreach (var repository in ordered)
        {
            if (byId.TryGetValue(repository.Id, out var project))
            {
                if (!Renamed(project, repository))
                {
                    names[repository.Id] = project.Name;
                    continue;
                }

                taken.Remove(project.Name); // renamed: its old name is free, its new one is chosen below
            }

            var name = taken.Contains(repository.Name) ? repository.FullName : repository.Name;
            taken.Add(name);
            names[repository.Id] = name;
        }

        return names;
    }

    // Rows from before full names were stored (or the old app's) keep the name they have while the repository's matches it.
    private static bool Renamed(StoredName project, Repository repository) =>
        project.FullName is { } fullName
            ? !string.Equals(fullName.Split('/', 2)[^1], repository.Name, StringComparison.Ordinal)
            : !string.Equals(project.Name, repository.Name, StringComparison.OrdinalIgnoreCase);
}
