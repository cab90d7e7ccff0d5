using ProjectTracker.Web.Jobs;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class CompletionsTests
{
    [Fact]
    public async Task WhenDone_AwaitedBeforeOrAfterTheCompletion_GetsTheResult()
    {
        var completions = new Completions<int>();
        var before = completions.WhenDone("job-1");

        completions.Complete("job-1", 42);

        Assert.Equal(42, await before);
        Assert.Equal(42, await completions.WhenDone("job-1"));
    }

    [Fact]
    public void Complete_ManyMoreThanKept_HoldsABoundedNumberAndKeepsThoseStillAwaited()
    {
        var completions = new Completions<int>();
        var pending = completions.WhenDone("still-running");

        for (var i = 0; i < 10 * Completions<int>.Kept; i++)
        {
            completions.Complete($"job-{i}", i);
        }

        Assert.True(completions.Count <= Completions<int>.Kept + 2, $"{completions.Count} held");
        Assert.False(pending.IsCompleted);
        completions.Complete("still-running", 7);
        Assert.True(pending.IsCompletedSuccessfully);
    }
}
