using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class RefreshJobConfiguration : IEntityTypeConfiguration<RefreshJob>
{
    public void Configure(EntityTypeBuilder<RefreshJob> builder)
    {
        builder.ToTable("refresh_job");
        builder.Property(j => j.Id).HasMaxLength(36);
        builder.Property(j => j.Status).HasMaxLength(20);
        builder.Property(j => j.Trigger).HasMaxLength(20);
        builder.Property(j => j.BackgroundJobId).HasMaxLength(100);
        builder.HasIndex(j => j.Status);
        builder.Ignore(j => j.Progress);
        builder.HasIndex(j => j.StartedAt);
    }
}
