using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.Retention;

/// <summary>The EF mapping of <c>retention_runs</c> (Migrations/service/0007).</summary>
internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRunRecord>
{
    public void Configure(EntityTypeBuilder<RetentionRunRecord> run)
    {
        run.ToTable("retention_runs");
        run.Property(r => r.Id).UseIdentityAlwaysColumn();
        SnakeCaseColumns.Apply(run.Metadata);
    }
}
