using ProjectTracker.Web.Tests.Integration;
using Bunit;
using Bunit.TestDoubles;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Sync;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.GitHub;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>
/// A bUnit context for the dashboards: MudBlazor as in the app, and the real GitHub services over a real SQLite file in
/// a temp folder (migrated like the app's). Jobs are enqueued into in-memory storage no server runs, so a test drives a
/// job's progress itself through <see cref="Progress"/>.
/// </summary>
public sealed class DashboardTestContext : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pt-bunit-").FullName;
    private readonly InMemoryStorage _jobStorage = new();

    /// <param name="client">The address the circuit's page was opened from (none by default, as bUnit has no request).</param>
    public DashboardTestContext(string? githubToken = "test-token", ProjectTracker.Web.Access.AccessOptions? access = null, System.Net.IPAddress? client = null)
    {
        var services = Bunit.Services;
        services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<SqliteTrackerDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "tracker.db")}"));
        services.AddSingleton<IDbContextFactory<TrackerDbContext>, TrackerContexts>();
        services.AddSingleton(new GitHubOptions { AccessToken = githubToken });
        // The app's read model, read anew on every call (no data version bumps here), so seeded rows show at once.
        services.AddSingleton(sp => TestReadModels.GitHub(sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>()));
        services.AddSingleton<GitHubReadService>();
        services.AddSingleton(new ProjectTracker.Domain.Time.OwnerCalendarOptions());
        services.AddSingleton<ProjectTracker.Domain.Time.OwnerDays>();
        services.AddSingleton(sp => TestReadModels.CodingDays(
            sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>(), sp.GetRequiredService<ProjectTracker.Domain.Time.OwnerDays>()));
        services.AddSingleton<ProjectTracker.Domain.Days.RestDays>();
        services.AddSingleton<ProjectTracker.Domain.Goals.GoalService>();
        services.AddSingleton<ProjectTracker.Domain.Goals.GoalProgress>();
        // Built on every read, as the read model here reads the database every time (a new snapshot each time).
        services.AddSingleton<ProjectTracker.Web.GitHub.Components.GitHubDashboardReader>();
        services.AddSingleton<RefreshProgressHub>();
        services.AddSingleton<IRefreshProgressNotifier>(sp => sp.GetRequiredService<RefreshProgressHub>());
        services.AddSingleton<JobStorage>(_jobStorage);
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(_jobStorage));
        services.AddSingleton<GitHubRefreshJobs>();
        services.AddSingleton<GitHubProjectAdmin>();
        services.AddSingleton(new ProjectTracker.Web.Demo.DemoOptions());
        Authorization = MudTestContext.AddDashboardAccess(Bunit, access);
        if (client is not null)
        {
            var request = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            request.Connection.RemoteIpAddress = client;
            services.AddSingleton<Microsoft.AspNetCore.Http.IHttpContextAccessor>(new Microsoft.AspNetCore.Http.HttpContextAccessor { HttpContext = request });
        }

        // After the services: these read from the provider, which then refuses new registrations.
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.SetRendererInfo(new RendererInfo("Server", true));
    }

    public BunitContext Bunit { get; } = new();

    /// <summary>Who is signed in (nobody unless a test says so).</summary>
    public BunitAuthorizationContext Authorization { get; }

    public RefreshProgressHub Progress => Bunit.Services.GetRequiredService<RefreshProgressHub>();

    public IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent => Bunit.Render(parameters);

    /// <summary>Creates the schema (once) and lets <paramref name="seed"/> add rows.</summary>
    public async Task SeedAsync(Func<TrackerDbContext, Task>? seed = null)
    {
        await using var db = await Bunit.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (seed is not null)
        {
            await seed(db);
            await db.SaveChangesAsync();
        }
    }

    public async Task<Project?> FindProjectAsync(int id)
    {
        await using var db = await Bunit.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        return await db.Projects.FindAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        _jobStorage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class TrackerContexts(IDbContextFactory<SqliteTrackerDbContext> sqlite) : IDbContextFactory<TrackerDbContext>
    {
        public TrackerDbContext CreateDbContext() => sqlite.CreateDbContext();
    }
}
