using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>The GitHub answer cache in table <c>github_http_cache</c>, so ETags survive restarts.</summary>
public sealed class DatabaseGitHubHttpCache(IDbContextFactory<TrackerDbContext> contexts) : IGitHubHttpCache
{
    public async Task<GitHubHttpCacheEntry?> FindAsync(string url, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.GitHubHttpCache.AsNoTracking().FirstOrDefaultAsync(e => e.Url == url, cancellationToken);
    }

    public async Task StoreAsync(GitHubHttpCacheEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.GitHubHttpCache.FirstOrDefaultAsync(e => e.Url == entry.Url, cancellationToken);
        if (existing is null)
        {
            db.GitHubHttpCache.Add(entry);
        }
        else
        {
            existing.ETag = entry.ETag;
            existing.Body = entry.Body;
            existing.Links = entry.Links;
            existing.StoredAt = entry.StoredAt;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two parallel requests for the same URL: either answer is a valid cache entry; keep the first.
        }
    }

    public async Task PruneAsync(Func<string, bool> keep, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stale = (await db.GitHubHttpCache.Select(e => e.Url).ToListAsync(cancellationToken)).Where(url => !keep(url)).ToList();
        foreach (var batch in stale.Chunk(200))
        {
            await db.GitHubHttpCache.Where(e => batch.Contains(e.Url)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
