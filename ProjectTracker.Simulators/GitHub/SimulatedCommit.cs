namespace ProjectTracker.Simulators.GitHub;

/// <summary>A commit on a repository's default branch.</summary>
/// <param name="AuthorLogin">The author's GitHub account; null when the commit's email belongs to no account (<c>"author": null</c>).</param>
public sealed record SimulatedCommit(
    string Sha,
    string? AuthorLogin,
    string AuthorName,
    string AuthorEmail,
    DateTime AuthoredAt,
    DateTime CommittedAt,
    string Message);

/// <summary>What <see cref="GitHubSimulatorState.AddCommit(SimulatedRepository, NewCommit)"/> needs; the rest has defaults.</summary>
/// <param name="AuthoredAt">The author date (UTC).</param>
public sealed record NewCommit(DateTime AuthoredAt)
{
    /// <summary>The author's login; null means the simulated user.</summary>
    public string? AuthorLogin { get; init; }

    /// <summary>An author whose email matches no GitHub account: the commit's <c>author</c> is null in the JSON.</summary>
    public bool AuthorWithoutAccount { get; init; }

    /// <summary>Defaults to the login (or "Unknown Author").</summary>
    public string? AuthorName { get; init; }

    /// <summary>Defaults to <c>login@users.noreply.github.com</c>.</summary>
    public string? AuthorEmail { get; init; }

    /// <summary>The committer date, which <c>since</c>/<c>until</c> filter on; defaults to the author date.</summary>
    public DateTime? CommittedAt { get; init; }

    public string Message { get; init; } = "Change";

    /// <summary>Lines added and deleted: when not zero, they go into the commit's code_frequency week.</summary>
    public int Additions { get; init; }

    public int Deletions { get; init; }
}
