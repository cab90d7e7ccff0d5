using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Days;

/// <summary>A tag and on how many days it was answered yes and no (an own tag: the days it is on, no "no" days).</summary>
public sealed record TagSummary(string Name, string Source, int YesDays, int NoDays);

/// <summary>The owner's day tags: the WHOOP journal's answers (imported) and their own tags, added and removed by name.</summary>
public sealed class DayTagService(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time)
{
    public const int MaxOwnNameLength = 60;

    public async Task<IReadOnlyList<TagSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.DayTags.AsNoTracking()
            .GroupBy(t => new { t.Name, t.Source })
            .Select(g => new { g.Key.Name, g.Key.Source, Yes = g.Count(t => t.Answer), No = g.Count(t => !t.Answer) })
            .ToListAsync(ct);
        return counts.Select(c => new TagSummary(c.Name, c.Source, c.Yes, c.No))
            .OrderBy(t => t.Source).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The tags on the days of <paramref name="range"/>.</summary>
    public async Task<IReadOnlyList<DayTag>> InRangeAsync(DateRange range, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DayTags.AsNoTracking().Where(t => t.Date >= range.From && t.Date < range.Until)
            .OrderBy(t => t.Date).ThenBy(t => t.Source).ThenBy(t => t.Name).ToListAsync(ct);
    }

    /// <summary>Adds an own tag to the day; a name the day already has (in any case) is that tag.</summary>
    public async Task<DayTag> AddOwnAsync(DateOnly day, string name, CancellationToken ct)
    {
        var trimmed = ValidName(name);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var date = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var existing = (await db.DayTags.Where(t => t.Date == date && t.Source == DayTag.OwnSource).ToListAsync(ct))
            .FirstOrDefault(t => string.Equals(t.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            return existing;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var tag = new DayTag { Date = date, Name = trimmed, Source = DayTag.OwnSource, Answer = true, CreatedAt = now, UpdatedAt = now };
        db.DayTags.Add(tag);
        await db.SaveChangesAsync(ct);
        return tag;
    }

    /// <summary>Removes the day's own tag of that name (any case); false when it has none.</summary>
    public async Task<bool> RemoveOwnAsync(DateOnly day, string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var date = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var tag = (await db.DayTags.Where(t => t.Date == date && t.Source == DayTag.OwnSource).ToListAsync(ct))
            .FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (tag is null)
        {
            return false;
        }

        db.DayTags.Remove(tag);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The name trimmed, 1–60 characters; otherwise <see cref="ArgumentException"/> saying so.</summary>
    public static string ValidName(string? name) =>
        name?.Trim() is { Length: >= 1 and <= MaxOwnNameLength } trimmed && !trimmed.Any(char.IsControl)
            ? trimmed
            : throw new ArgumentException($"A tag's name is 1 to {MaxOwnNameLength} characters (spaces around it are dropped), with no control characters.");
}
