using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.GitHub;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// A large list answer leaves the app in parts as it is written: nothing in the app's pipeline (once the response cache
/// swapped the body for a buffer) gathers it whole first. The outermost layer of the pipeline records what reaches it.
/// </summary>
public sealed class StreamedAnswerTests
{
    [Fact]
    public async Task ProjectsList_LargeAnswer_ReachesTheServerInPartsOfAtMostAPart()
    {
        await using var database = new SqliteTestDatabase();
        var recorder = new RecordingFilter();
        await using var factory = new TrackerAppFactory(database);
        await using var app = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(recorder)));
        using var client = app.CreateClient();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync())
        {
            db.Projects.AddRange(Enumerable.Range(0, 400).Select(i => new Project
            {
                Name = $"project-{i:000}", Description = new string('d', 2_000), CommitCount = i, LastCommitDate = new DateTime(2026, 1, 1).AddHours(i),
            }));
            await db.SaveChangesAsync();
        }

        using var response = await client.GetAsync("/api/github/projects");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(400, JsonNode.Parse(body)!.AsArray().Count);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var parts = recorder.Parts;
        Assert.Equal(body.Length, parts.Sum());
        Assert.True(parts.Count >= body.Length / JsonArrayResult<ProjectJson>.PartBytes, $"{body.Length} bytes in {parts.Count} part(s)");
        Assert.All(parts, part => Assert.InRange(part, 1, JsonArrayResult<ProjectJson>.PartBytes + 3_000)); // a part ends after the item that fills it
    }

    /// <summary>Puts a stream in front of the response body that records how many bytes each flush hands on.</summary>
    private sealed class RecordingFilter : IStartupFilter
    {
        private readonly List<int> _parts = [];

        public List<int> Parts
        {
            get
            {
                lock (_parts)
                {
                    return [.. _parts];
                }
            }
        }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Path.StartsWithSegments("/api/github/projects"))
                {
                    await nextMiddleware(context);
                    return;
                }

                var recording = new PartsStream(context.Response.Body, _parts);
                context.Response.Body = recording;
                await nextMiddleware(context);
                await recording.FlushAsync();
            });
            next(app);
        };
    }

    private sealed class PartsStream(Stream inner, List<int> parts) : Stream
    {
        private int _unflushed;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _unflushed += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => FlushAsync().GetAwaiter().GetResult();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_unflushed > 0)
            {
                lock (parts)
                {
                    parts.Add(_unflushed);
                }

                _unflushed = 0;
            }

            await inner.FlushAsync(cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
