namespace ProjectTracker.Domain.Whoop;

/// <summary>A physiological day (table <c>whoop_cycle</c>), keyed by WHOOP's cycle id.</summary>
public sealed class WhoopCycle
{
    public int Id { get; set; }
    public string? CycleId { get; set; }
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public double? Strain { get; set; }
    public double? Kilojoules { get; set; }
    public double? AverageHeartRate { get; set; }
    public double? MaxHeartRate { get; set; }
    public DateTime? CreatedAt { get; set; }

    /// <summary>
    /// The local day the cycle describes: local start + 12 h (a cycle starts on falling asleep the evening before).
    /// Null on rows the old app wrote.
    /// </summary>
    public DateTime? Date { get; set; }
    public string? ScoreState { get; set; }
    public string? TimezoneOffset { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
