using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>
/// When the shared read models read again: at once after this process's write, after the max age otherwise, ahead of
/// time under steady traffic (nobody waits), and one read for many waiting readers. The reads are numbered and finish
/// only when the test says.
/// </summary>
public sealed class ReadModelTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _clock = new();
    private readonly DataVersion _version = new();
    private readonly NumberedReads _model;

    public ReadModelTests() => _model = new NumberedReads(_version, _clock, MaxAge);

    [Fact]
    public async Task Get_WithinHalfTheAge_ServesTheSnapshotWithoutReading()
    {
        var first = await _model.ReadAndFinish();
        _clock.Advance(TimeSpan.FromSeconds(0.9));

        Assert.Equal(first, await _model.GetAsync(CancellationToken.None));
        Assert.Equal(1, _model.Reads);
    }

    [Fact]
    public async Task Get_PastHalfTheAge_ServesTheSnapshotAndReadsAheadOnce()
    {
        var first = await _model.ReadAndFinish();
        _clock.Advance(TimeSpan.FromSeconds(1.5));

        var served = await _model.GetAsync(CancellationToken.None);
        var servedAgain = await _model.GetAsync(CancellationToken.None);
        Assert.Equal(2, _model.Reads);
        _model.Finish();
        // Past the first read's age but not the read-ahead's: served by the read-ahead (joined if not yet kept).
        _clock.Advance(TimeSpan.FromSeconds(0.6));

        Assert.Equal(first, served);
        Assert.Equal(first, servedAgain);
        Assert.Equal(2, await _model.GetAsync(CancellationToken.None));
        Assert.Equal(2, _model.Reads);
    }

    [Fact]
    public async Task Get_PastTheAge_WaitsForANewRead()
    {
        await _model.ReadAndFinish();
        _clock.Advance(MaxAge);

        var waiting = _model.GetAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        _model.Finish();

        Assert.Equal(2, await waiting);
    }

    [Fact]
    public async Task Get_AfterAWriteOfThisProcess_WaitsForARead_SharedByEveryoneWhoSawTheWrite()
    {
        await _model.ReadAndFinish();
        _version.Advance();

        var one = _model.GetAsync(CancellationToken.None);
        var two = _model.GetAsync(CancellationToken.None);
        Assert.False(one.IsCompleted);
        _model.Finish();

        Assert.Equal(2, await one);
        Assert.Equal(2, await two);
        Assert.Equal(2, _model.Reads);
    }

    [Fact]
    public async Task Get_PastTheAgeWithNothingWritten_KeepsTheSnapshotWithoutReading()
    {
        var changes = new Token();
        var model = new NumberedReads(_version, _clock, MaxAge, changes);
        var first = await model.ReadAndFinish();

        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(MaxAge);
            Assert.Same(first, await model.GetAsync(CancellationToken.None));
        }

        Assert.Equal(1, model.Reads);
    }

    [Fact]
    public async Task Get_PastTheAgeAfterAWriteAnywhere_ReadsAgain()
    {
        var changes = new Token();
        var model = new NumberedReads(_version, _clock, MaxAge, changes);
        await model.ReadAndFinish();

        changes.Value = "written by another instance";
        _clock.Advance(MaxAge);
        var waiting = model.GetAsync(CancellationToken.None);
        model.Finish();

        Assert.Equal(2, await waiting);
    }

    [Fact]
    public async Task Get_PastTheAgeWhenWhatItDependsOnChanged_ReadsAgain()
    {
        var model = new NumberedReads(_version, _clock, MaxAge, new Token()) { DependsOn = "Monday" };
        await model.ReadAndFinish();

        model.DependsOn = "Tuesday";
        _clock.Advance(MaxAge);
        var waiting = model.GetAsync(CancellationToken.None);
        model.Finish();

        Assert.Equal(2, await waiting);
    }

    [Fact]
    public async Task Get_AfterAWriteOfThisProcess_ReadsAgainWhateverTheToken()
    {
        var model = new NumberedReads(_version, _clock, MaxAge, new Token());
        await model.ReadAndFinish();

        _version.Advance();
        var waiting = model.GetAsync(CancellationToken.None);
        model.Finish();

        Assert.Equal(2, await waiting);
    }

    private sealed class Token : IDataChanges
    {
        public string Value { get; set; } = "1";

        public Task<string?> ReadTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(Value);
    }

    /// <summary>Snapshot n is the n-th read; each read ends when <see cref="Finish"/> is called.</summary>
    private sealed class NumberedReads(DataVersion version, TimeProvider time, TimeSpan maxAge, IDataChanges? changes = null)
        : ReadModel<object>(version, time, maxAge, changes)
    {
        public int Reads;
        public string DependsOn = "";

        protected override Task<string> DependsOnAsync(CancellationToken cancellationToken) => Task.FromResult(DependsOn);
        public TaskCompletionSource<object>? Current;

        public async Task<object> ReadAndFinish()
        {
            var reading = GetAsync(CancellationToken.None);
            Finish();
            return await reading;
        }

        public void Finish() => Current!.TrySetResult(Reads);

        protected override Task<object> LoadAsync(CancellationToken cancellationToken)
        {
            Current = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Increment(ref Reads);
            var read = Reads;
            return Current.Task.ContinueWith(_ => (object)read, TaskScheduler.Default);
        }
    }
}
