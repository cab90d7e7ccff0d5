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

    /// <summary>As stored: kilocalories from our sync (kJ ÷ 4.184), kilojoules on the old app's rows — read <see cref="Kilocalories"/>.</summary>
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

    /// <summary>
    /// Kilocalories for any row: rows the old app wrote hold kilojoules in <see cref="Calories"/> and have no
    /// <see cref="Kilojoules"/> (the sync always sets both), so they are converted here and left as stored.
    /// </summary>
    public double? Kilocalories => WrittenByOldApp ? Calories / Sync.WhoopRecordMapper.KilojoulesPerKilocalorie : Calories;

    /// <summary>Kilojoules for any row, including the old app's (see <see cref="Kilocalories"/>).</summary>
    public double? EnergyKilojoules => WrittenByOldApp ? Calories : Kilojoules;

    private bool WrittenByOldApp => Kilojoules is null && Calories is not null;
}
