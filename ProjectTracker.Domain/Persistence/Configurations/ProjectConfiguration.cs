using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("project");
        builder.Property(p => p.Name).HasMaxLength(100);
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
