using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>When <see cref="ResponseCache"/> serves an entry, and which concurrent miss reads the database.</summary>
public sealed class ResponseCacheUnitTests
{
    private const string Key = "/api/github/projects";
    private readonly DataVersion _version = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly ResponseCache _cache;

    public ResponseCacheUnitTests() => _cache = new ResponseCache(_version, _clock, TimeSpan.FromSeconds(2));

    private static ResponseCache.Entry Answer(string body) => new(0, 0, System.Text.Encoding.UTF8.GetBytes(body), "application/json; charset=utf-8");

    [Fact]
    public void TryGet_AfterALocalWrite_MissesAndServesNoAgedEntry()
    {
        _cache.Set(Key, _cache.Version, Answer("[1]"));
        Assert.True(_cache.TryGet(Key, out _));

        _version.Advance();

        Assert.False(_cache.TryGet(Key, out _));
        Assert.False(_cache.TryGetExpired(Key, _cache.Version, out _));
    }

    [Fact]
    public void TryGet_OlderThanTheLifetime_MissesButTheAgedEntryStaysAvailable()
    {
        _cache.Set(Key, _cache.Version, Answer("[1]"));

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.False(_cache.TryGet(Key, out _));
        Assert.True(_cache.TryGetExpired(Key, _cache.Version, out var aged));
        Assert.Equal("[1]", System.Text.Encoding.UTF8.GetString(aged.Body));
    }

    [Fact]
    public void Set_ReadBeforeAWrite_IsNeverServed()
    {
        var readVersion = _cache.Version;
        _version.Advance(); // committed while the answer was being read

        _cache.Set(Key, readVersion, Answer("[old]"));

        Assert.False(_cache.TryGet(Key, out _));
    }

    [Fact]
    public void JoinOrStartFill_SameVersion_JoinsTheRunningRead()
    {
        var first = new TaskCompletionSource<ResponseCache.Entry?>().Task;
        var second = new TaskCompletionSource<ResponseCache.Entry?>().Task;

        Assert.Same(first, _cache.JoinOrStartFill(Key, _cache.Version, first));
        Assert.Same(first, _cache.JoinOrStartFill(Key, _cache.Version, second));
    }

    [Fact]
    public void JoinOrStartFill_AfterAWrite_StartsAFreshRead()
    {
        var before = new TaskCompletionSource<ResponseCache.Entry?>().Task;
        var after = new TaskCompletionSource<ResponseCache.Entry?>().Task;
        _cache.JoinOrStartFill(Key, _cache.Version, before);

        _version.Advance();

        Assert.Same(after, _cache.JoinOrStartFill(Key, _cache.Version, after));
    }

    [Fact]
    public void EndFill_OfAReplacedRead_LeavesTheNewOne()
    {
        var before = new TaskCompletionSource<ResponseCache.Entry?>().Task;
        var after = new TaskCompletionSource<ResponseCache.Entry?>().Task;
        var third = new TaskCompletionSource<ResponseCache.Entry?>().Task;
        _cache.JoinOrStartFill(Key, _cache.Version, before);
        _version.Advance();
        _cache.JoinOrStartFill(Key, _cache.Version, after);

        _cache.EndFill(Key, before);

        Assert.Same(after, _cache.JoinOrStartFill(Key, _cache.Version, third));
    }
}
