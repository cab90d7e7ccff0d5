using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("project");
        // Room for owner/name (39 + 1 + 100): a second repository of the same name is stored under its full name.
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.OwnerLogin).HasMaxLength(100);
        builder.Property(p => p.GoneReason).HasMaxLength(500);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.Property(p => p.HeadSha).HasMaxLength(64);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.PrimaryLanguage).HasMaxLength(50);
        builder.Property(p => p.HtmlUrl).HasMaxLength(500);
        builder.Property(p => p.DefaultBranch).HasMaxLength(255);
        builder.HasIndex(p => p.GitHubId).IsUnique();
    }
}

internal sealed class ProjectCommitConfiguration : IEntityTypeConfiguration<ProjectCommit>
{
    public void Configure(EntityTypeBuilder<ProjectCommit> builder)
    {
        builder.ToTable("project_commit");
        builder.Property(c => c.Sha).HasMaxLength(64);
        builder.HasIndex(c => new { c.ProjectId, c.Sha }).IsUnique();
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectDailyCommitsConfiguration : IEntityTypeConfiguration<ProjectDailyCommits>
{
    public void Configure(EntityTypeBuilder<ProjectDailyCommits> builder)
    {
        builder.ToTable("project_daily_commits");
        builder.HasKey(d => new { d.ProjectId, d.Day });
        builder.HasIndex(d => d.Day);
        builder.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GitHubHttpCacheEntryConfiguration : IEntityTypeConfiguration<GitHubHttpCacheEntry>
{
    public void Configure(EntityTypeBuilder<GitHubHttpCacheEntry> builder)
    {
        builder.ToTable("github_http_cache");
        builder.HasKey(e => e.Url);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.ETag).HasMaxLength(200);
    }
}

internal sealed class GitHubRepositoryWithoutCommitsConfiguration : IEntityTypeConfiguration<GitHubRepositoryWithoutCommits>
{
    public void Configure(EntityTypeBuilder<GitHubRepositoryWithoutCommits> builder)
    {
        builder.ToTable("github_repository_without_commits");
        builder.HasKey(r => r.GitHubId);
        builder.Property(r => r.GitHubId).ValueGeneratedNever();
        builder.Property(r => r.FullName).HasMaxLength(200);
    }
}
