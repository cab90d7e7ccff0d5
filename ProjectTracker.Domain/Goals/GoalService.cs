using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.Goals;

/// <summary>The owner's goals as stored: read, and replaced as a whole set.</summary>
public sealed class GoalService(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time)
{
    public async Task<GoalTargets> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return GoalTargets.From(await db.Goals.AsNoTracking().ToListAsync(ct));
    }

    /// <summary>
    /// Makes <paramref name="targets"/> the owner's goals: a goal left null is removed. A target out of its range throws
    /// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the goal's name.
    /// </summary>
    public async Task<GoalTargets> SetAsync(GoalTargets targets, CancellationToken ct = default)
    {
        if (targets.FirstError() is { } error)
        {
            throw new ArgumentException(error.Message, error.Kind.Name());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Goals.ToDictionaryAsync(g => g.Name, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var wanted = targets.Set.ToDictionary(g => g.Kind.Name(), g => g.Target);
        db.Goals.RemoveRange(rows.Values.Where(r => !wanted.ContainsKey(r.Name)));
        foreach (var (name, target) in wanted)
        {
            if (!rows.TryGetValue(name, out var row))
            {
                db.Goals.Add(new Goal { Name = name, Target = target, UpdatedAt = now });
            }
            else if (row.Target != target)
            {
                (row.Target, row.UpdatedAt) = (target, now);
            }
        }

        await db.SaveChangesAsync(ct);
        return targets;
    }
}
