using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// The real app over a real database, with a fixed clock and any extra settings; its background jobs run inline
/// (<see cref="TestJobs"/>) unless a test about the job storage asks for the Hangfire server.
/// </summary>
public sealed class TrackerAppFactory(
    ITestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null,
    TestJobs jobs = TestJobs.Inline)
    : WebApplicationFactory<Program>
{
    /// <summary>"Now" in every integration test: the seeded athlete lives at UTC−5, where it is 07:00 on 2026-03-15.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = clock ?? new(Now);

    public ITestDatabase Database => database;

    public TestJobs Jobs => jobs;

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DATABASE_URL", database.DatabaseUrl);
        // Every test request comes from the same (absent) client address: the refresh rate limit is off unless a test sets it.
        builder.UseSetting("Access:RefreshPermitsPerMinute", "0");
        // The clock stands still: a back-off on it would never end. Retries still happen, at once.
        builder.UseSetting("Whoop:RetryBackOff", "00:00:00");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (jobs == TestJobs.Inline)
            {
                services.UseInlineJobs();
            }
        });
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        });
    }

    public async Task SeedAsync(Func<TrackerDbContext, Task> seed)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        await seed(db);
        await db.SaveChangesAsync();
    }
}
