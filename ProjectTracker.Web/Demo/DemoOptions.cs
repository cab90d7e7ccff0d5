namespace ProjectTracker.Web.Demo;

/// <summary>Section <c>Demo</c>: <c>Demo:Enabled</c> (also the <c>--demo</c> switch) fills the app with simulated data.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Goals the demo person's history meets in some weeks and misses in others (about 25 h of coding a week).</summary>
    public static readonly ProjectTracker.Domain.Goals.GoalTargets Goals = new(WeeklyCodingHours: 25, DailySleepHours: 8, WeeklyActiveDays: 5);

    public bool Enabled { get; set; }
}
