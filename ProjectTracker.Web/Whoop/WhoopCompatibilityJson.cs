using System.Globalization;
using System.Text.Json.Serialization;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

// The answers of the old app's other WHOOP endpoints (API_COMPAT.md, last section), field for field. Members the old app
// sent only in some answers are left out when null.

/// <summary><c>/api/whoop/refresh/today</c>: <c>success</c> with the counts, or <c>skipped</c>/<c>error</c> with a reason.</summary>
public sealed record TodayRefreshJson(
    string Status,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WhoopSyncedJson? Synced = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TotalRecords = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null)
{
    public const string CachedDataMessage = "Using cached data from database";

    public static TodayRefreshJson Refreshed(WhoopSyncResult synced) =>
        new("success", "Today's data refreshed", WhoopSyncedJson.From(synced), synced.Total);

    public static TodayRefreshJson Skipped(string reason) => new("skipped", CachedDataMessage, Reason: reason);

    public static TodayRefreshJson Failed(string reason) => new("error", CachedDataMessage, Reason: reason);
}

/// <summary>
/// <c>/api/whoop/profile</c>: the stored profile and where it came from (<c>api</c> just read, <c>cache</c>); the body
/// measurement is new (null until WHOOP answered it).
/// </summary>
public sealed record WhoopProfileJson(
    string? UserId, string? FirstName, string? LastName, string? Email, DateTime? UpdatedAt, string Source,
    double? HeightMeter, double? WeightKilogram, int? MaxHeartRate)
{
    public static WhoopProfileJson From(WhoopProfile? p, string source) => new(
        p?.UserId, p?.FirstName, p?.LastName, p?.Email, p?.UpdatedAt, source, p?.HeightMeter, p?.WeightKilogram, p?.MaxHeartRate);
}

/// <summary><c>/api/whoop/auth/test</c> when WHOOP answered.</summary>
public sealed record ConnectionTestJson(bool Success, string Message, ConnectionTestProfileJson Profile);

public sealed record ConnectionTestProfileJson(string UserId, string? Email, string? FirstName, string? LastName)
{
    public static ConnectionTestProfileJson From(Domain.Whoop.Api.WhoopUserProfile p) =>
        new(p.UserId.ToString(CultureInfo.InvariantCulture), p.Email, p.FirstName, p.LastName);
}

/// <summary><c>/api/whoop/sync/status</c>.</summary>
public sealed record SyncStatusJson(LastSyncJson? LastSync, RecordCountsJson DatabaseCounts, LatestDataDatesJson LatestDataDates, int TotalRecords);

/// <param name="MissingFrom">With <paramref name="MissingUntil"/>: days a failed sync left unread (the newer ones it read
/// were kept); the next sync fetches them. New; null when nothing is missing.</param>
public sealed record LastSyncJson(
    DateTime? LastSyncAt, string? LastSyncType, int? RecordsSynced, string? Status, string? ErrorMessage,
    DateTime? MissingFrom, DateTime? MissingUntil)
{
    public static LastSyncJson? From(WhoopSyncStatus? s) => s is null ? null
        : new(s.LastSyncAt, s.LastSyncType, s.RecordsSynced, s.Status, s.ErrorMessage, s.MissingFrom, s.MissingUntil);
}

public sealed record RecordCountsJson(int Recovery, int Sleep, int Workouts, int Cycles)
{
    public static RecordCountsJson From(WhoopRecordCounts c) => new(c.Recovery, c.Sleep, c.Workouts, c.Cycles);
}

public sealed record LatestDataDatesJson(string? Recovery, string? Sleep, string? Cycle)
{
    public static LatestDataDatesJson From(WhoopLatestDays d) => new(Day.Format(d.Recovery), Day.Format(d.Sleep), Day.Format(d.Cycle));
}
