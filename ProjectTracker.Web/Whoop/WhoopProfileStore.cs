using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Web.Whoop;

/// <summary>Caches the member's profile at sign-in (table <c>whoop_profile</c>, the old app's), for <c>/api/whoop/profile</c>.</summary>
public sealed class WhoopProfileStore(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time)
{
    public async Task SaveAsync(WhoopUserProfile profile, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = profile.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = await db.WhoopProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new WhoopProfile { UserId = userId, CreatedAt = now };
            db.WhoopProfiles.Add(row);
        }

        row.FirstName = profile.FirstName;
        row.LastName = profile.LastName;
        row.Email = profile.Email;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }
}
