using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class WhoopSyncJobConfiguration : IEntityTypeConfiguration<WhoopSyncJob>
{
    public void Configure(EntityTypeBuilder<WhoopSyncJob> builder)
    {
        builder.ToTable("whoop_sync_job");
        builder.Property(j => j.Id).HasMaxLength(36);
        builder.Property(j => j.Status).HasMaxLength(20);
        builder.Property(j => j.SyncType).HasMaxLength(20);
        builder.Ignore(j => j.Days);
        builder.Ignore(j => j.TotalRecords);
        builder.Ignore(j => j.Progress);
        builder.HasIndex(j => j.CreatedAt);
    }
}
