using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class WhoopConnectionConfiguration : IEntityTypeConfiguration<WhoopConnection>
{
    public void Configure(EntityTypeBuilder<WhoopConnection> builder)
    {
        builder.ToTable("whoop_connection");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.WhoopUserId).HasMaxLength(50);
        builder.Property(c => c.Scopes).HasMaxLength(500);
    }
}
