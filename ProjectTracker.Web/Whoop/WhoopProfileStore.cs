using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// Caches the member's profile and body measurement at sign-in and at each profile read (table <c>whoop_profile</c>, the
/// old app's), for <c>/api/whoop/profile</c> and the WHOOP dashboard.
/// </summary>
public sealed class WhoopProfileStore(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time)
{
    /// <param name="body">Null when WHOOP did not answer it: the measurement stored before is kept.</param>
    public async Task SaveAsync(WhoopUserProfile profile, WhoopBodyMeasurement? body, CancellationToken ct)
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
        if (body is not null)
        {
            (row.HeightMeter, row.WeightKilogram, row.MaxHeartRate) = (body.HeightMeter, body.WeightKilogram, body.MaxHeartRate);
        }

        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }
}
