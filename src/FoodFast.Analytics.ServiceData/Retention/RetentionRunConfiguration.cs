using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.Retention;

/// <summary><c>retention_runs</c> (Migrations/service/0007).</summary>
internal sealed class RetentionRunConfiguration() : ServiceTable<RetentionRunRecord>("retention_runs")
{
    protected override void Map(EntityTypeBuilder<RetentionRunRecord> run) => run.Property(r => r.Id).UseIdentityAlwaysColumn();
}
