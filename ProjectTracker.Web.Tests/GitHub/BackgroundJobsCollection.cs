namespace ProjectTracker.Web.Tests.GitHub;

/// <summary>
/// Tests that run background jobs run alone, after the parallel ones. Hangfire keeps some state in statics (its log
/// provider, activator and filters), which is shared by every app host in a process: with many test hosts starting
/// and stopping around it, a job could be handed to a host that is shutting down. One app per process — as deployed —
/// has no such sharing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BackgroundJobsCollection
{
    public const string Name = "Background jobs";
}
