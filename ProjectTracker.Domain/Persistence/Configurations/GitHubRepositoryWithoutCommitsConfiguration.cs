using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Domain.Persistence.Configurations;

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
