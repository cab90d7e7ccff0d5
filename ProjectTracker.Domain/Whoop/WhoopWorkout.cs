namespace ProjectTracker.Domain.Whoop;

/// <summary>A workout or recovery activity (table <c>whoop_workout</c>), keyed by WHOOP's workout UUID.</summary>
public sealed class WhoopWorkout
{
    public int Id { get; set; }
    public string? WorkoutId { get; set; }
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public int? SportId { get; set; }
    public string? SportName { get; set; }
    public double? Strain { get; set; }
    public double? AverageHeartRate { get; set; }
    public double? MaxHeartRate { get; set; }

    /// <summary>Kilocalories. The old app stored kilojoules here; the sync now converts (kJ ÷ 4.184).</summary>
    public double? Calories { get; set; }
    public double? DistanceMeters { get; set; }
    public double? DurationMin { get; set; }
    public DateTime? CreatedAt { get; set; }

    /// <summary>The athlete's local day of the start (midnight); null on rows the old app wrote.</summary>
    public DateTime? Date { get; set; }
    public double? Kilojoules { get; set; }
    public string? ScoreState { get; set; }
    public string? TimezoneOffset { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
