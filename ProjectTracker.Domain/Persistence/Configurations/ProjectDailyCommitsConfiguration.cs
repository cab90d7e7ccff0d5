using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Domain.Persistence.Configurations;

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
