using System.Globalization;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Net;

namespace ProjectTracker.Web.GitHub;

/// <summary>
/// A project as <c>/api/github</c> answers it: the old app's nine fields in their old formats (strings included),
/// then the added ones in plain types.
/// </summary>
public sealed record ProjectJson(
    string Name,
    string TimeSpent,
    int Loc,
    int Commits,
    int ActiveDays,
    string LastFinished,
    int CodeChurn,
    string PrimaryLanguage,
    string RepositorySizeKb,
    int Id,
    double TimeSpentMin,
    int CommitCount,
    DateTime? LastCommitDate,
    DateTime? FirstCommitDate,
    bool LocEstimated,
    string? HtmlUrl,
    string? Description,
    DateTime? PushedAt,
    DateTime? RefreshedAt,
    string? FullName,
    string? Owner,
    bool Archived,
    DateTime? GoneAt,
    string? GoneReason,
    bool Hidden,
    DateTime? FailedAt,
    string? FailureReason)
{
    public static ProjectJson From(Project p) => new(
        p.Name,
        // Python's f"{x:.0f}m": halves round to even.
        $"{Math.Round(p.TimeSpentMin ?? 0, MidpointRounding.ToEven).ToString("0", CultureInfo.InvariantCulture)}m",
        p.Loc ?? 0,
        p.CommitCount ?? 0,
        p.ActiveDays ?? 0,
        p.LastCommitDate?.ToString("MM/dd/yyyy, hh:mm:ss tt", CultureInfo.InvariantCulture) ?? "Never",
        p.CodeChurn ?? 0,
        p.PrimaryLanguage ?? GitHubMetrics.UnknownLanguage,
        Math.Round(p.RepositorySizeKb ?? 0, 1, MidpointRounding.ToEven).ToString("0.0", CultureInfo.InvariantCulture),
        p.Id,
        p.TimeSpentMin ?? 0,
        p.CommitCount ?? 0,
        p.LastCommitDate,
        p.FirstCommitDate,
        p.LocEstimated,
        ExternalUrl.Safe(p.HtmlUrl),
        p.Description,
        p.PushedAt,
        p.RefreshedAt,
        ProjectFullName.Of(p.Name, p.FullName, p.HtmlUrl),
        p.OwnerLogin,
        p.Archived,
        p.GoneAt,
        p.GoneReason,
        p.Hidden,
        p.FailedAt,
        p.FailureReason);
}

/// <summary>The answer to <c>POST /refresh</c>: the old app's four fields, plus whether this request created the job.</summary>
public sealed record RefreshStartedJson(string Message, string JobId, string Status, string CheckStatusUrl, bool Created);

/// <summary>A refresh job in the old app's shape, <c>progress</c> in percent with one decimal.</summary>
public sealed record RefreshJobJson(
    string Id,
    string Status,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    string? ErrorMessage,
    int RepositoriesProcessed,
    int TotalRepositories,
    double Progress,
    string? StatusMessage,
    string? Trigger,
    int WarningCount,
    IReadOnlyList<RefreshWarningJson> Warnings,
    long? RepositoryId)
{
    public static RefreshJobJson From(RefreshJob job) => new(
        job.Id,
        job.Status,
        job.StartedAt,
        job.CompletedAt,
        job.ErrorMessage,
        job.RepositoriesProcessed,
        job.TotalRepositories,
        job.Progress,
        job.StatusMessage,
        job.Trigger,
        job.WarningCount,
        job.ReadWarnings().Select(w => new RefreshWarningJson(w.Repository, w.Status, w.Reason)).ToList(),
        job.RepositoryId);
}

/// <summary>A repository the job could not read: <c>owner/name</c>, GitHub's status and what it said.</summary>
public sealed record RefreshWarningJson(string Repository, int Status, string Reason);
