using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// A sync started or joined: its job (<c>/api/whoop/sync/jobs/{id}</c>), whether this request started it, and its end for
/// whoever waits (a page following it).
/// </summary>
public sealed record WhoopSyncStart(string JobId, bool Created, Task<WhoopSyncResult> Completion);
