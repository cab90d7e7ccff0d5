using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// Short-lived values in the database (<see cref="SharedStateEntry"/>), so they survive a restart and every instance
/// sees the same ones: what one instance stored another can read, take (once) or find already taken. Expired rows count
/// as absent and are swept now and then.
/// </summary>
public sealed class SharedStateStore(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);
    private long _nextSweepTicks;

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now();
        return await db.SharedState.AsNoTracking().Where(e => e.Key == key && e.ExpiresAt > now).Select(e => e.Value).SingleOrDefaultAsync(ct);
    }

    /// <summary>Stores or replaces the value.</summary>
    public async Task SetAsync(string key, byte[] value, TimeSpan lifetime, CancellationToken ct)
    {
        await SweepNowAndThenAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One statement both SQLite and PostgreSQL understand, so two writers never race into a duplicate key.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO shared_state (key, expires_at, value) VALUES ({key}, {Timestamp(db, Now() + lifetime)}, {value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
            ct);
    }

    /// <summary>
    /// Stores the value only when the key is absent (or expired): true for exactly one of any number of callers, on any
    /// instance, until the value expires or is removed. For "handle once" and leases.
    /// </summary>
    public async Task<bool> TryAddAsync(string key, byte[] value, TimeSpan lifetime, CancellationToken ct)
    {
        await SweepNowAndThenAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now();
        // An expired holder no longer counts; of two callers removing it, both may then try the insert, and one wins.
        // Losing is the expected answer, not an error: ON CONFLICT keeps it out of the error log.
        await db.SharedState.Where(e => e.Key == key && e.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO shared_state (key, expires_at, value) VALUES ({key}, {Timestamp(db, now + lifetime)}, {value}) ON CONFLICT (key) DO NOTHING",
            ct);
        return inserted == 1;
    }

    /// <summary>Extends a value this caller holds (a lease): false when it expired or was removed meanwhile.</summary>
    public async Task<bool> RenewAsync(string key, byte[] value, TimeSpan lifetime, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now();
        var expires = now + lifetime;
        return await db.SharedState.Where(e => e.Key == key && e.Value == value && e.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ExpiresAt, expires), ct) == 1;
    }

    /// <summary>Reads and removes the value: of two callers taking the same key only one gets it.</summary>
    public async Task<byte[]?> TakeAsync(string key, CancellationToken ct)
    {
        var value = await GetAsync(key, ct);
        if (value is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SharedState.Where(e => e.Key == key).ExecuteDeleteAsync(ct) == 1 ? value : null;
    }

    /// <summary>Removes the value; with <paramref name="onlyIf"/>, only while it still holds that value (a lease's owner).</summary>
    public async Task RemoveAsync(string key, CancellationToken ct, byte[]? onlyIf = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.SharedState.Where(e => e.Key == key);
        if (onlyIf is not null)
        {
            rows = rows.Where(e => e.Value == onlyIf);
        }

        await rows.ExecuteDeleteAsync(ct);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The expiry as a raw-SQL parameter stored as <see cref="UtcDateTimeConverter"/> stores it: UTC wall-clock time
    /// without a kind, typed <see cref="DbType.DateTime2"/> (PostgreSQL's <c>timestamp</c>, SQLite's text form).
    /// </summary>
    private static DbParameter Timestamp(TrackerDbContext db, DateTime utc)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "expires_at";
        parameter.DbType = DbType.DateTime2;
        parameter.Value = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
        return parameter;
    }

    private async Task SweepNowAndThenAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now < next || Interlocked.CompareExchange(ref _nextSweepTicks, now + SweepEvery.Ticks, next) != next)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var cutoff = Now();
        await db.SharedState.Where(e => e.ExpiresAt <= cutoff).ExecuteDeleteAsync(ct);
    }
}
