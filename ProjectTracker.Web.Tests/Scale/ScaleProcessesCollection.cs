namespace ProjectTracker.Web.Tests.Scale;

/// <summary>
/// Tests that run several app processes each: one after another (their apps share two cores with the rest of the run),
/// but beside the other collections, so the run does not end with a minute of them alone on a half-idle machine. Their
/// waits are bounded by <see cref="Startup.AppProcess.Timeout"/>, far above a start-up on a busy machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScaleProcessesCollection
{
    public const string Name = "Scale processes";
}

/// <summary>
/// The soak runs alone, after everything else: it measures how much the app gets through in its seconds of load (reads,
/// refreshes, open circuits), and the other tests would take those seconds from it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak";
}
