using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.Reports.Retention;
using FoodFast.Analytics.Reports.Schedules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace FoodFast.Analytics.Reports.Jobs;

public static class ReportJobsSetup
{
    /// <summary>
    /// Report jobs and schedules on Quartz with the clustered ADO store in the service database
    /// (<paramref name="serviceConnectionString"/>). Quartz creates its own tables when missing.
    /// The scheduler starts once the schema is applied (<see cref="ReportScheduler"/>), not with the host.
    /// </summary>
    public static IServiceCollection AddReportJobs(this IServiceCollection services, IConfiguration configuration, string serviceConnectionString)
    {
        services.AddOptions<ReportJobsOptions>().BindConfiguration(ReportsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(ReportsOptions.Section).Get<ReportJobsOptions>() ?? new ReportJobsOptions();
        services.AddSingleton<ReportJobStore>();
        services.AddSingleton<Erasure.ReportErasure>();
        services.AddSingleton<ReportScheduleStore>();
        services.AddSingleton<ReportRunner>();
        services.AddReportDelivery(configuration);
        services.AddSingleton<ReportRequests>();
        services.AddSingleton<ReportScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportScheduler>());
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.Cron, out _), "Retention:Cron is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. 0 30 3 * * ?)")
            .ValidateOnStart();
        services.AddSingleton<ReportFilesRetention>();
        services.AddSingleton<RetentionRunner>();
        // Instances sharing a database form one cluster, so the name is the database's (unique per test database too).
        var name = $"reports-{DatabaseName(serviceConnectionString)}";
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = name;
                scheduler.GenerateInstanceId = true;
            });
            quartz.UseDefaultThreadPool(options.MaxConcurrentJobs);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(serviceConnectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterCheckinSeconds * 2);
                });
                store.ProvisionSchema();
                // A report interrupted by a clean shutdown runs again on the next instance, like one interrupted by a crash.
                store.ConfigureStore(ado => ado.RecoverFiringsCancelledByShutdown = true);
            });
            quartz.AddJobType<RunReportJob>();
            quartz.AddJobType<ScheduledReportJob>();
            quartz.AddJobType<CleanupJob>();
            quartz.AddJobType<RetentionJob>();
        });
        return services;
    }

    /// <summary>The database of the connection string; a bad string is reported by the Postgres options check at start, by name.</summary>
    private static string DatabaseName(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";
        }
        catch (ArgumentException)
        {
            return "invalid";
        }
    }
}
