using FoodFast.Analytics.ServiceData.ApiKeys;
using FoodFast.Analytics.ServiceData.Auditing;
using FoodFast.Analytics.ServiceData.Dashboards;
using FoodFast.Analytics.ServiceData.ReportJobs;
using FoodFast.Analytics.ServiceData.Retention;
using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.ServiceData;

/// <summary>
/// EF Core over the service's own tables. The tables are created by the SQL scripts in
/// <c>Migrations/service/</c> (the EF design package is not in our feed), so the mappings (each feature's
/// <c>*Configuration</c> beside its entity) must match them.
/// </summary>
public sealed class ServiceDbContext(DbContextOptions<ServiceDbContext> options) : DbContext(options)
{
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    public DbSet<ReportJobRecord> ReportJobs => Set<ReportJobRecord>();

    public DbSet<ReportScheduleRecord> ReportSchedules => Set<ReportScheduleRecord>();

    public DbSet<RetentionRunRecord> RetentionRuns => Set<RetentionRunRecord>();

    public DbSet<DashboardRecord> Dashboards => Set<DashboardRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ServiceDbContext).Assembly);
}
