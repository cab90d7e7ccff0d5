using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Components.Pages.Overview;

public sealed record WhoopOverview(
    WhoopConnectionSummary Connection, WhoopRecovery? LatestRecovery, WhoopSleep? LatestSleep, WhoopCycle? LatestStrain,
    WhoopSyncStatus? LastSync);
