using FoodFast.Analytics.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.Postgres.ServiceData;

public static class ServiceDataRegistration
{
    /// <summary>
    /// <see cref="ServiceDbContext"/> on the service database's data source (scoped, and as a factory for
    /// singletons and background work), and the audit log written through it.
    /// </summary>
    public static IServiceCollection AddServiceData(this IServiceCollection services)
    {
        services.AddDbContextFactory<ServiceDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<ServiceDatabase>().DataSource));
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        services.AddSingleton<AuditLogReader>();
        services.AddSingleton<Retention.RetentionRuns>();
        services.AddSingleton<Retention.PostgresRetention>();
        services.AddSingleton<Dashboards.DashboardStore>();
        return services;
    }
}
