using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class SharedStateConfiguration : IEntityTypeConfiguration<SharedStateEntry>
{
    public void Configure(EntityTypeBuilder<SharedStateEntry> builder)
    {
        builder.ToTable("shared_state");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(200);
        builder.HasIndex(e => e.ExpiresAt);
    }
}
