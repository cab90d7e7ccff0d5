using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>What is worked out from a snapshot is made once per key and kept with it; a failed making is not kept.</summary>
public sealed class DerivedDataTests
{
    [Fact]
    public async Task OfAsync_CallersTogether_MadeOnce()
    {
        var derived = new DerivedData();
        var made = 0;
        var gate = new TaskCompletionSource<string>();
        Task<string> Make()
        {
            made++;
            return gate.Task;
        }

        var first = derived.OfAsync("key", Make, CancellationToken.None);
        var second = derived.OfAsync("key", Make, CancellationToken.None);
        gate.SetResult("made");

        Assert.Same(await first, await second);
        Assert.Equal(1, made);
    }

    [Fact]
    public async Task OfAsync_Failed_MadeAgainNextTime()
    {
        var derived = new DerivedData();
        var attempts = 0;
        Task<string> Make() => ++attempts == 1 ? throw new InvalidOperationException("database away") : Task.FromResult("made");

        await Assert.ThrowsAsync<InvalidOperationException>(() => derived.OfAsync("key", Make, CancellationToken.None));
        var second = await derived.OfAsync("key", Make, CancellationToken.None);

        Assert.Equal("made", second);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void Of_WithoutDerivedData_MadeForEachCaller()
    {
        var derived = new DerivedData();

        Assert.Same(derived.Of("key", () => new object()), DerivedData.Of(derived, "key", () => new object()));
        Assert.NotSame(DerivedData.Of(null, "key", () => new object()), DerivedData.Of(null, "key", () => new object()));
    }
}
