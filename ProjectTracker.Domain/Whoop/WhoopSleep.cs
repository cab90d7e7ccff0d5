namespace ProjectTracker.Domain.Whoop;

/// <summary>A sleep or nap (table <c>whoop_sleep</c>), keyed by WHOOP's sleep UUID.</summary>
public sealed class WhoopSleep
{
    public int Id { get; set; }
    public string? SleepId { get; set; }

    /// <summary>The athlete's local day of waking up (midnight, no time zone).</summary>
    public DateTime Date { get; set; }
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public double? TotalSleepHours { get; set; }
    public double? SleepPerformance { get; set; }
    public double? SleepEfficiency { get; set; }
    public double? SleepConsistency { get; set; }
    public double? RemSleepMin { get; set; }
    public double? DeepSleepMin { get; set; }
    public double? LightSleepMin { get; set; }
    public double? AwakeMin { get; set; }
    public double? RespiratoryRate { get; set; }
    public DateTime? CreatedAt { get; set; }

    public bool IsNap { get; set; }
    public double? SleepNeedMin { get; set; }
    public string? CycleId { get; set; }
    public string? ScoreState { get; set; }
    public string? TimezoneOffset { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
