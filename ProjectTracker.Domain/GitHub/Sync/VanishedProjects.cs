using Microsoft.EntityFrameworkCore;
using Octokit;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// Projects whose repository a listing no longer includes are never deleted: they are marked gone, with when and why
/// (deleted or unreadable, transferred, excluded by a setting), and keep their history. A repository that is listed
/// again is no longer gone. Deleting a project is the owner's explicit act (<see cref="GitHubProjectAdmin"/>).
/// </summary>
internal sealed class VanishedProjects(IDbContextFactory<TrackerDbContext> contexts, GitHubApi api, GitHubOptions options, TimeProvider time)
{
    public async Task MarkAsync(IReadOnlyList<Repository> included, IReadOnlyList<Repository> listed, CancellationToken ct)
    {
        var includedIds = included.Select(r => r.Id).ToHashSet();
        var includedNames = included.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var listedById = listed.ToDictionary(r => r.Id);
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var project in await db.Projects.Where(p => p.GoneAt == null).ToListAsync(ct))
        {
            var present = project.GitHubId is { } id ? includedIds.Contains(id) : includedNames.Contains(project.Name);
            if (!present)
            {
                project.GoneReason = await ReasonAsync(project, listedById, ct);
                project.GoneAt = time.GetUtcNow().UtcDateTime;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<string> ReasonAsync(Project project, IReadOnlyDictionary<long, Repository> listed, CancellationToken ct)
    {
        if (project.GitHubId is not { } id)
        {
            return "Not found among the account's repositories.";
        }

        var (repository, status) = listed.TryGetValue(id, out var seen)
            ? ((Repository?)seen, (int?)null)
            : await api.FindRepositoryAsync(id, ct);
        if (repository is null)
        {
            return status is 451
                ? "GitHub blocks access to the repository (451)."
                : $"The repository was deleted, or the token can no longer read it ({status ?? 404}).";
        }

        if (repository.Fork && !options.IncludeForks)
        {
            return "The repository is now a fork (GitHub:IncludeForks is off).";
        }

        if (repository.Archived && !options.IncludeArchived)
        {
            return "The repository is archived (GitHub:IncludeArchived is false).";
        }

        if (GitHubRepositoryFilter.Excluded(options, repository))
        {
            return "The repository is excluded by GitHub:Exclude.";
        }

        return !string.Equals(repository.FullName, project.FullName, StringComparison.OrdinalIgnoreCase)
            ? $"The repository was transferred to {repository.FullName}, outside the listed affiliations ({options.AffiliationParameter})."
            : $"The repository is no longer listed for the account (affiliations {options.AffiliationParameter}).";
    }
}

/// <summary>Which listed repositories are candidates for projects (forks, archived ones and <c>GitHub:Exclude</c>).</summary>
internal static class GitHubRepositoryFilter
{
    public static bool Included(GitHubOptions options, Repository repository) =>
        (options.IncludeForks || !repository.Fork)
        && (options.IncludeArchived || !repository.Archived)
        && !Excluded(options, repository);

    public static bool Excluded(GitHubOptions options, Repository repository) =>
        options.Exclude.Any(e => e.Equals(repository.Name, StringComparison.OrdinalIgnoreCase)
                                 || e.Equals(repository.FullName, StringComparison.OrdinalIgnoreCase));
}
