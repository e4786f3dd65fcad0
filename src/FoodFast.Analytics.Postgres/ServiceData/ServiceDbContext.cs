using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.Postgres.ServiceData;

/// <summary>
/// EF Core over the service's own tables. The tables are created by the SQL scripts in
/// <c>Migrations/service/</c> (the EF design package is not in our feed), so this model must match them.
/// </summary>
public sealed class ServiceDbContext(DbContextOptions<ServiceDbContext> options) : DbContext(options)
{
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    public DbSet<ReportJobRecord> ReportJobs => Set<ReportJobRecord>();

    public DbSet<ReportScheduleRecord> ReportSchedules => Set<ReportScheduleRecord>();

    public DbSet<Retention.RetentionRunRecord> RetentionRuns => Set<Retention.RetentionRunRecord>();

    public DbSet<Dashboards.DashboardRecord> Dashboards => Set<Dashboards.DashboardRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApiKeyRecord>(key =>
        {
            key.ToTable("api_keys");
            key.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
            key.Property(k => k.Name).HasColumnName("name");
            key.Property(k => k.Prefix).HasColumnName("prefix");
            key.Property(k => k.KeyHash).HasColumnName("key_hash");
            key.Property(k => k.Roles).HasColumnName("roles");
            key.Property(k => k.ShopId).HasColumnName("shop_id");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
            key.Property(k => k.ExpiresAt).HasColumnName("expires_at");
            key.Property(k => k.RevokedAt).HasColumnName("revoked_at");
            key.Property(k => k.CreatedBy).HasColumnName("created_by");
        });
        modelBuilder.Entity<AuditRecord>(audit =>
        {
            audit.ToTable("audit_log");
            audit.Property(a => a.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            audit.Property(a => a.At).HasColumnName("at");
            audit.Property(a => a.Actor).HasColumnName("actor");
            audit.Property(a => a.KeyId).HasColumnName("key_id");
            audit.Property(a => a.Action).HasColumnName("action");
            audit.Property(a => a.Resource).HasColumnName("resource");
            audit.Property(a => a.ShopId).HasColumnName("shop_id");
            audit.Property(a => a.Outcome).HasColumnName("outcome");
        });
        ReportTables.Map(modelBuilder);
        Retention.RetentionRuns.Map(modelBuilder);
        Postgres.Dashboards.DashboardStore.Map(modelBuilder);
    }
}
