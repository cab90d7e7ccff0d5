using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub;

/// <summary>The owner's explicit acts on a project: hide it (history kept) or delete it with its history.</summary>
public sealed class GitHubProjectAdmin(IDbContextFactory<TrackerDbContext> contexts, GitHubOptions options)
{
    public async Task<bool> SetHiddenAsync(int projectId, bool hidden, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.Where(p => p.Id == projectId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Hidden, hidden), cancellationToken) > 0;
    }

    /// <summary>
    /// Deletes the project, its commits and its daily activity (cascade), and shares the time its commits held among the
    /// others. A later refresh may add it again if it is still listed.
    /// </summary>
    public async Task<bool> DeleteAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return false;
        }

        db.Projects.Remove(project);
        await db.SaveChangesAsync(cancellationToken);
        await ProjectTimeSpent.RecomputeAsync(contexts, options, cancellationToken); // its commits no longer share the others' time
        return true;
    }
}
