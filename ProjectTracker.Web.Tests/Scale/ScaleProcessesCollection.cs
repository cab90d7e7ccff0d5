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
