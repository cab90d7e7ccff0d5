namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>Told whenever a refresh job's row changes, so open dashboards can show progress live.</summary>
public interface IRefreshProgressNotifier
{
    void JobChanged(RefreshJob job);
}

/// <summary>A notifier for hosts without live pages (tests, tools).</summary>
public sealed class NoRefreshProgressNotifier : IRefreshProgressNotifier
{
    public void JobChanged(RefreshJob job)
    {
    }
}
