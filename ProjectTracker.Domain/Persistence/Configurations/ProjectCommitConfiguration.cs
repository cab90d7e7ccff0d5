using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Domain.Persistence.Configurations;

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
