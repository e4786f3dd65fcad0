using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.ServiceData;

namespace FoodFast.Analytics.Api.Reports;

internal static class ReportsSetup
{
    /// <summary>Report jobs and schedules on Quartz, clustered on the service database (<c>Postgres:ConnectionString</c>).</summary>
    public static IServiceCollection AddReportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetSection(ServiceDatabaseOptions.Section).Get<ServiceDatabaseOptions>()?.ConnectionString ?? "";
        return services.AddReportJobs(configuration, connectionString);
    }
}
