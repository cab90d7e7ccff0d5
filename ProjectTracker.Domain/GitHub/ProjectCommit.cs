namespace ProjectTracker.Domain.GitHub;

/// <summary>One commit by the owner on a project's default branch (table <c>project_commit</c>): the input of time spent.</summary>
public sealed class ProjectCommit
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public required string Sha { get; set; }
    public DateTime AuthoredAt { get; set; }
    public DateTime CommittedAt { get; set; }
}
