using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.Dashboards;

/// <summary>The EF mapping of <c>dashboards</c> (Migrations/service/0008).</summary>
internal sealed class DashboardConfiguration : IEntityTypeConfiguration<DashboardRecord>
{
    public void Configure(EntityTypeBuilder<DashboardRecord> dashboard)
    {
        dashboard.ToTable("dashboards");
        dashboard.Property(d => d.Id).ValueGeneratedNever();
        dashboard.Property(d => d.Widgets).HasColumnType("jsonb");
        SnakeCaseColumns.Apply(dashboard.Metadata);
    }
}
