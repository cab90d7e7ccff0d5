namespace ProjectTracker.Simulators.GitHub;

/// <summary>A repository as the simulator serves it. Mutate it only through <see cref="GitHubSimulatorState"/>.</summary>
public sealed class SimulatedRepository
{
    public required long Id { get; init; }
    public required string Name { get; set; }

    /// <summary>The owning user or organization; changed by a transfer.</summary>
    public required string Owner { get; set; }

    /// <summary>The owner is an organization (listed for its members under <c>organization_member</c>).</summary>
    public bool OwnedByOrganization { get; set; }

    /// <summary>The account is an outside collaborator (listed under <c>collaborator</c>).</summary>
    public bool AccountIsCollaborator { get; set; }

    /// <summary>Private repositories are invisible (404) to an account with no affiliation to them.</summary>
    public bool Private { get; set; }
    public bool Fork { get; set; }
    public bool Archived { get; set; }
    public string DefaultBranch { get; set; } = "main";
    public string? Description { get; set; }

    /// <summary>The <c>html_url</c> served instead of <c>https://github.com/owner/name</c> (a hostile or broken answer, or the
    /// demo's page saying the repository is made up: <see cref="GitHubSimulatorServer.LinkRepositoriesToOwnPages"/>).</summary>
    public string? HtmlUrl { get; set; }
    public int SizeKb { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime PushedAt { get; set; }
    public Dictionary<string, long> Languages { get; } = [];

    /// <summary>
    /// The default branch's history in push order (oldest first; the last one is the head). Served newest first by the
    /// commit listing (GitHub orders by date only where the history is linear), and in this order by compare.
    /// </summary>
    public List<SimulatedCommit> Commits { get; } = [];

    /// <summary>Commits a force-push dropped: still known to compare (which then says <c>diverged</c>).</summary>
    public List<SimulatedCommit> Dropped { get; } = [];

    /// <summary>[week start (unix seconds), additions, deletions (negative)] — GitHub's code_frequency rows.</summary>
    public List<long[]> CodeFrequency { get; } = [];

    /// <summary>How many more times code_frequency answers 202 ("being computed") before it answers 200.</summary>
    public int StatisticsComputingResponses { get; set; }

    /// <summary>code_frequency answers 422, as GitHub does for repositories with 10,000+ commits.</summary>
    public bool StatisticsUnavailable { get; set; }

    /// <summary>
    /// Every request under the repository answers this status while it is listed: 403 (a fine-grained token not granted
    /// it, an organization's SAML or IP allow list), 451 (blocked for legal reasons), 404.
    /// </summary>
    public int? RefusedWith { get; set; }

    public string? PrimaryLanguage => Languages.OrderByDescending(l => l.Value).Select(l => l.Key).FirstOrDefault();

    public string FullName => $"{Owner}/{Name}";
}

/// <summary>
/// One commit. <see cref="AuthorLogin"/> is the GitHub account its author email is linked to, null when none is (GitHub
/// then answers <c>"author": null</c>).
/// </summary>
public sealed record SimulatedCommit(string Sha, string? AuthorLogin, DateTime AuthoredAt, DateTime CommittedAt, string Message)
{
    public string AuthorEmail { get; init; } = $"{AuthorLogin ?? "unknown"}@users.noreply.github.com";
    public string AuthorName { get; init; } = AuthorLogin ?? "Unknown";
}
