using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ProjectTracker.Simulators.GitHub;

/// <summary>
/// A web page per simulated repository, at <c>/web/{owner}/{name}</c>, saying that it was made up: where the demo's
/// <c>html_url</c>s point (<see cref="GitHubSimulatorServer.LinkRepositoriesToOwnPages"/>), so its "Open on GitHub"
/// never sends a visitor to a github.com address that belongs to someone else or to no one.
/// </summary>
public static class GitHubSimulatorRepositoryPages
{
    public const string PathPrefix = "web/";

    public static IEndpointRouteBuilder MapGitHubSimulatorRepositoryPages(this IEndpointRouteBuilder routes, GitHubSimulatorState state)
    {
        routes.MapGet($"/{PathPrefix}{{owner}}/{{name}}", (string owner, string name) => state.FindRepository(owner, name) is { } repository
            ? Results.Content(Page(repository), "text/html; charset=utf-8")
            : Results.NotFound());
        return routes;
    }

    private static string Page(SimulatedRepository repository)
    {
        var fullName = WebUtility.HtmlEncode(repository.FullName);
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{fullName} (demo)</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
            <h1>{fullName}</h1>
            <p>{WebUtility.HtmlEncode(repository.Description ?? "")}</p>
            <p>This repository exists only in Project Tracker's demo: the demo's GitHub simulator made it up, with its
            commits, languages and description, and it is not on github.com. With a real account, this link opens the
            repository on GitHub.</p>
            </body></html>
            """;
    }
}
