using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// Reads the member's profile from WHOOP for <c>/api/whoop/profile?refresh=true</c> and <c>/api/whoop/auth/test</c>:
/// one read shared by every caller while it runs and for a minute after (the answer, or the failure), so a stream of
/// anonymous calls costs WHOOP one request a minute. A read that succeeds updates the stored profile and body measurement (two requests).
/// </summary>
public sealed class WhoopProfileReader(WhoopRefreshService whoop, WhoopProfileStore profiles, TimeProvider time)
{
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private Task<WhoopUserProfile>? _current;
    private DateTimeOffset _startedAt;

    /// <exception cref="WhoopApiException">Not connected, reconnect needed, or WHOOP failing.</exception>
    public Task<WhoopUserProfile> ReadAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            if (_current is null || (_current.IsCompleted && time.GetUtcNow() - _startedAt >= Reuse))
            {
                _startedAt = time.GetUtcNow();
                _current = Task.Run(ReadAndStoreAsync, CancellationToken.None); // shared: not tied to one caller
            }

            return _current.WaitAsync(ct);
        }
    }

    private async Task<WhoopUserProfile> ReadAndStoreAsync()
    {
        var profile = await whoop.GetProfileAsync(CancellationToken.None);
        var body = await whoop.GetBodyMeasurementAsync(CancellationToken.None);
        await profiles.SaveAsync(profile, body, CancellationToken.None);
        return profile;
    }
}
