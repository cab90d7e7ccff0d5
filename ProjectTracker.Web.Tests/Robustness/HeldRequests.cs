using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Simulators.Faults;

namespace ProjectTracker.Web.Tests.Robustness;

/// <summary>Timeouts on a fake clock: each request a <see cref="FaultKind.Delay"/> holds is timed out at once, not waited out.</summary>
internal static class HeldRequests
{
    /// <summary>
    /// Runs <paramref name="work"/>; whenever the simulator says a request is held (<see cref="FaultPlan.Held"/>), advances
    /// <paramref name="clock"/> (the client's and the simulator's) by <paramref name="timeout"/>, the client's timeout, which
    /// then fires. The whole clock moves, so this suits tests with one request in flight at a time.
    /// </summary>
    public static async Task<T> TimingOutHeldAsync<T>(this FaultPlan faults, FakeTimeProvider clock, TimeSpan timeout, Task<T> work)
    {
        while (true)
        {
            var held = faults.Held.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(held, work) == work)
            {
                return await work;
            }

            while (faults.Held.TryRead(out _))
            {
                clock.Advance(timeout);
            }
        }
    }
}
