using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.GitHub;

public static class GitHubEndpoints
{
    public const string ProjectParameter = "project";

    public static IEndpointRouteBuilder MapGitHubApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/github").WithTags("GitHub");
        api.MapGet("/projects", ListProjects)
            .WithName("ListProjects")
            .WithSummary("List projects")
            .WithDescription("All projects, most recently committed first. Optional `sort` (last_commit_date, name, loc, commits, time_spent, active_days, code_churn, repository_size_kb) and `order` (asc, desc).");
        api.MapGet("/project/{name}", GetProject)
            .WithName("GetProject")
            .WithSummary("Get a project")
            .WithDescription("One project by name or by owner/name (URL-encoded, acme%2Ftools), matched ignoring case.");
        api.MapGet("/metrics", GetMetrics)
            .WithName("GetGitHubMetrics")
            .WithSummary("GitHub metrics")
            .WithDescription("Totals, leaders, language breakdown and averages across all projects.");
        api.MapPost("/refresh", StartRefresh)
            .WithName("StartGitHubRefresh")
            .WithSummary("Start a refresh")
            .WithDescription("Starts a refresh job (202); while one is queued or running, answers that same job. "
                + $"Optional `{ProjectParameter}`: a project's name (or owner/name) to refresh only its repository.");
        api.MapGet("/refresh/status/{job_id}", GetJob)
            .WithName("GetRefreshJob")
            .WithSummary("Get a refresh job")
            .WithDescription("One refresh job with its progress.");
        api.MapGet("/refresh/jobs", ListJobs)
            .WithName("ListRefreshJobs")
            .WithSummary("List refresh jobs")
            .WithDescription($"Recent refresh jobs, newest first. Optional `limit`: 1 to {JobLimit.Max}, default {JobLimit.Default}.");
        return routes;
    }

    private static async Task<JsonArrayResult<ProjectJson>> ListProjects(
        HttpRequest request, GitHubReadService github, SerializedItems<Project, ProjectJson> json, CancellationToken ct)
    {
        var sortName = request.Query.Single("sort");
        var sort = ProjectSort.LastCommit;
        if (sortName is not null && !ProjectSortNames.ByName.TryGetValue(sortName, out sort))
        {
            throw new InvalidQueryParameterException("sort",
                $"sort must be one of {string.Join(", ", ProjectSortNames.ByName.Keys)}; got '{sortName}'.");
        }

        bool? descending = request.Query.Single("order")?.ToLowerInvariant() switch
        {
            null => null,
            "asc" => false,
            "desc" => true,
            var other => throw new InvalidQueryParameterException("order", $"order must be asc or desc; got '{other}'."),
        };

        return json.ArrayOfShared(await github.ListProjectsAsync(sort, descending, ct));
    }

    // Kestrel leaves an encoded slash encoded in the route value: owner%2Fname is owner/name.
    private static async Task<Results<Ok<ProjectJson>, ProblemHttpResult>> GetProject(string name, GitHubReadService github, CancellationToken ct) =>
        await github.FindProjectAsync(name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), ct) is { } project
            ? TypedResults.Ok(ProjectJson.From(project))
            : Problems.NotFound("Project not found", $"No project named '{name}' is stored. GET /api/github/projects lists them.");

    private static async Task<Ok<GitHubMetrics>> GetMetrics(GitHubReadService github, CancellationToken ct) =>
        TypedResults.Ok(await github.GetMetricsAsync(ct));

    private static async Task<Results<Accepted<RefreshStartedJson>, ProblemHttpResult>> StartRefresh(
        HttpRequest request, GitHubRefreshJobs jobs, GitHubReadService github, GitHubOptions options, CancellationToken ct)
    {
        if (!options.IsConfigured)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "GitHub not configured",
                "No GitHub token is configured. Set GITHUB_ACCESS_TOKEN (a personal access token with read access to your repositories) and restart.");
        }

        long? repositoryId = null;
        if (request.Query.Single(ProjectParameter) is { } name)
        {
            var project = await github.FindProjectAsync(name, ct);
            if (project is null)
            {
                return Problems.NotFound("Project not found", $"No project named '{name}' is stored. GET /api/github/projects lists them.");
            }

            // Projects from before GitHub's ids were stored have none yet: a full refresh gives them one.
            repositoryId = project.GitHubId;
        }

        var (job, created) = await jobs.StartAsync(GitHubRefreshJobs.ManualTrigger, ct, repositoryId);
        var statusUrl = $"/api/github/refresh/status/{job.Id}";
        var message = created ? "Refresh job started" : "A refresh is already queued or running; this is that job";
        return TypedResults.Accepted(statusUrl, new RefreshStartedJson(message, job.Id, job.Status, statusUrl, created));
    }

    private static async Task<Results<Ok<RefreshJobJson>, ProblemHttpResult>> GetJob(string job_id, GitHubReadService github, CancellationToken ct) =>
        await github.FindJobAsync(job_id, ct) is { } job
            ? TypedResults.Ok(RefreshJobJson.From(job))
            : Problems.NotFound("Job not found", $"No refresh job '{job_id}'. GET /api/github/refresh/jobs lists recent ones.");

    private static async Task<Ok<RefreshJobJson[]>> ListJobs(HttpRequest request, GitHubReadService github, CancellationToken ct)
    {
        var jobs = await github.ListJobsAsync(JobLimit.Parse(request), ct);
        return TypedResults.Ok(jobs.Select(RefreshJobJson.From).ToArray());
    }
}
