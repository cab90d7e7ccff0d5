using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Persistence.Configurations;

internal sealed class WhoopProfileConfiguration : IEntityTypeConfiguration<WhoopProfile>
{
    public void Configure(EntityTypeBuilder<WhoopProfile> builder)
    {
        builder.ToTable("whoop_profile");
        builder.Property(p => p.UserId).HasMaxLength(50);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(200);
    }
}
