using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// The app's read models and the services over them for tests without the app: each model read anew on every call (a
/// max age of zero, no data version bumps), so rows a test seeds show at once.
/// </summary>
public static class TestReadModels
{
    public static GitHubReadModel GitHub(IDbContextFactory<TrackerDbContext> contexts, TimeProvider? time = null) =>
        new(contexts, new GitHubOptions(), new OwnerDays(contexts, new OwnerCalendarOptions(), time ?? TimeProvider.System), new DataVersion(),
            time ?? TimeProvider.System, TimeSpan.Zero);

    public static GitHubReadService GitHubReads(IDbContextFactory<TrackerDbContext> contexts, TimeProvider? time = null) =>
        new(contexts, GitHub(contexts, time));

    public static WhoopReadService WhoopReads(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time) =>
        new(contexts, time, new WhoopReadModel(contexts, new DataVersion(), time, TimeSpan.Zero));

    public static CodingDaysReader CodingDays(IDbContextFactory<TrackerDbContext> contexts, OwnerDays owner) =>
        new(contexts, owner, GitHub(contexts));
}
