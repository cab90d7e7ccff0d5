using System.Text.Json;

namespace ProjectTracker.Domain.Whoop.Api;

// WHOOP API v2 records, as its OpenAPI document describes them (snake_case on the wire). Optional fields are nullable;
// numbers the schema calls float are read as doubles even when printed as integers; unknown fields are ignored.

public sealed record WhoopPage<T>(IReadOnlyList<T>? Records, string? NextToken);

public sealed record WhoopCycleRecord(
    long Id, long UserId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset Start, DateTimeOffset? End,
    string TimezoneOffset, string ScoreState, WhoopCycleScore? Score);

public sealed record WhoopCycleScore(double Strain, double Kilojoule, double AverageHeartRate, double MaxHeartRate);

public sealed record WhoopRecoveryRecord(
    long CycleId, string SleepId, long UserId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ScoreState,
    WhoopRecoveryScore? Score);

public sealed record WhoopRecoveryScore(
    bool UserCalibrating, double RecoveryScore, double RestingHeartRate, double HrvRmssdMilli, double? Spo2Percentage,
    double? SkinTempCelsius);

public sealed record WhoopSleepRecord(
    string Id, long CycleId, long UserId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset Start,
    DateTimeOffset End, string TimezoneOffset, bool Nap, string ScoreState, WhoopSleepScore? Score);

public sealed record WhoopSleepScore(
    WhoopSleepStageSummary StageSummary, WhoopSleepNeeded SleepNeeded, double? RespiratoryRate,
    double? SleepPerformancePercentage, double? SleepConsistencyPercentage, double? SleepEfficiencyPercentage);

public sealed record WhoopSleepStageSummary(
    long TotalInBedTimeMilli, long TotalAwakeTimeMilli, long TotalNoDataTimeMilli, long TotalLightSleepTimeMilli,
    long TotalSlowWaveSleepTimeMilli, long TotalRemSleepTimeMilli, int SleepCycleCount, int DisturbanceCount);

public sealed record WhoopSleepNeeded(
    long BaselineMilli, long NeedFromSleepDebtMilli, long NeedFromRecentStrainMilli, long NeedFromRecentNapMilli)
{
    public long TotalMilli => BaselineMilli + NeedFromSleepDebtMilli + NeedFromRecentStrainMilli + NeedFromRecentNapMilli;
}

public sealed record WhoopWorkoutRecord(
    string Id, long UserId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset Start, DateTimeOffset End,
    string TimezoneOffset, string? SportName, string ScoreState, WhoopWorkoutScore? Score, int? SportId);

public sealed record WhoopWorkoutScore(
    double Strain, double AverageHeartRate, double MaxHeartRate, double Kilojoule, double? PercentRecorded,
    double? DistanceMeter, double? AltitudeGainMeter, double? AltitudeChangeMeter);

public sealed record WhoopUserProfile(long UserId, string? Email, string? FirstName, string? LastName);

/// <summary><c>GET /v2/user/measurement/body</c> (scope <c>read:body_measurement</c>); WHOOP sends no webhook for it.</summary>
public sealed record WhoopBodyMeasurement(double HeightMeter, double WeightKilogram, int MaxHeartRate);

public static class WhoopJson
{
    /// <summary>WHOOP's wire format: snake_case, case-insensitive, numbers possibly quoted.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

public static class WhoopScoreState
{
    public const string Scored = "SCORED";
    public const string Pending = "PENDING_SCORE";
    public const string Unscorable = "UNSCORABLE";
}
