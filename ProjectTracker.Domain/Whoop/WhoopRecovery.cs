namespace ProjectTracker.Domain.Whoop;

/// <summary>A daily recovery (table <c>whoop_recovery</c>), keyed by WHOOP's cycle id.</summary>
public sealed class WhoopRecovery
{
    public int Id { get; set; }
    public string? CycleId { get; set; }

    /// <summary>The athlete's local day: the day they woke up from the recovery's sleep (midnight, no time zone).</summary>
    public DateTime Date { get; set; }
    public double? RecoveryScore { get; set; }
    public double? RestingHeartRate { get; set; }
    public double? HrvRmssd { get; set; }
    public double? Spo2Percentage { get; set; }
    public double? SkinTempCelsius { get; set; }
    public DateTime? CreatedAt { get; set; }

    public string? SleepId { get; set; }
    public string? ScoreState { get; set; }
    public bool? UserCalibrating { get; set; }
    public string? TimezoneOffset { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
