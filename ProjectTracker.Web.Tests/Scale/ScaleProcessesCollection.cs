namespace ProjectTracker.Web.Tests.Scale;

/// <summary>
/// Tests that run several app processes each: one at a time, so two cores are not shared by four apps and their waits
/// stay far from the deadlines.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleProcessesCollection
{
    public const string Name = "Scale processes";
}
