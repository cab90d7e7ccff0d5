using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.Jobs;

namespace ProjectTracker.Web.GitHub;

/// <summary>
/// With job storage shared by several instances (PostgreSQL or Redis), a refresh may run on another instance, whose
/// progress reaches this process only through the database. While any page here listens, this reads the active jobs
/// every few seconds and hands them to <see cref="RefreshProgressHub"/>, which publishes what is new: one reader for the
/// whole process instead of a timer per open page. With this process's own job storage it does nothing: every job runs
/// here and reaches the hub directly.
/// </summary>
public sealed class RefreshJobWatcher(
    GitHubReadService github, RefreshProgressHub hub, JobStorageSharing storage, TimeProvider time, ILogger<RefreshJobWatcher> logger)
    : DatabaseWatcher(Interval, time, logger, "the refresh jobs")
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private IReadOnlyList<string> _following = [];

    protected override bool IsNeeded => storage.IsShared;

    protected override async Task LookAsync(CancellationToken ct)
    {
        if (!hub.HasListeners)
        {
            _following = []; // nobody to tell
            return;
        }

        var active = await github.ListActiveJobsAsync(ct);
        // A job followed last time and no longer active has ended: its last state is news too.
        foreach (var id in _following.Except(active.Select(j => j.Id)))
        {
            if (await github.FindJobAsync(id, ct) is { } ended)
            {
                hub.Observe(ended);
            }
        }

        foreach (var job in active)
        {
            hub.Observe(job);
        }

        _following = [.. active.Select(j => j.Id)];
    }
}
