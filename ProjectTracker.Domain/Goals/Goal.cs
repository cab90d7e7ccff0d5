namespace ProjectTracker.Domain.Goals;

/// <summary>
/// One of the owner's goals (table <c>goal</c>): its name (<see cref="GoalKinds.Name"/>, e.g. <c>weekly_coding_hours</c>)
/// and target. A goal that is not set has no row.
/// </summary>
public sealed class Goal
{
    public const int MaxNameLength = 40;

    public required string Name { get; set; }
    public double Target { get; set; }
    public DateTime UpdatedAt { get; set; }
}
