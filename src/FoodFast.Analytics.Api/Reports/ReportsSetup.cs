using FoodFast.Analytics.Postgres;
using FoodFast.Analytics.Reports.Jobs;

namespace FoodFast.Analytics.Api.Reports;

internal static class ReportsSetup
{
    /// <summary>Report jobs and schedules on Quartz, clustered on the service database (<c>Postgres:ConnectionString</c>).</summary>
    public static IServiceCollection AddReportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetSection(PostgresOptions.Section).Get<PostgresOptions>()?.ConnectionString ?? "";
        return services.AddReportJobs(configuration, connectionString);
    }
}
