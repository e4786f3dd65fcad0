using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.Dashboards;

/// <summary><c>dashboards</c> (Migrations/service/0008).</summary>
internal sealed class DashboardConfiguration() : ServiceTable<DashboardRecord>("dashboards")
{
    protected override void Map(EntityTypeBuilder<DashboardRecord> dashboard)
    {
        dashboard.Property(d => d.Id).ValueGeneratedNever();
        dashboard.Property(d => d.Widgets).HasColumnType("jsonb");
    }
}
