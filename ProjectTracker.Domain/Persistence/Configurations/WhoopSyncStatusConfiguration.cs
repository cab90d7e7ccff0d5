using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class WhoopSyncStatusConfiguration : IEntityTypeConfiguration<WhoopSyncStatus>
{
    public void Configure(EntityTypeBuilder<WhoopSyncStatus> builder)
    {
        builder.ToTable("whoop_sync_status");
        builder.Property(s => s.LastSyncType).HasMaxLength(50);
        builder.Property(s => s.Status).HasMaxLength(20);
    }
}
