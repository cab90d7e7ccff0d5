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
