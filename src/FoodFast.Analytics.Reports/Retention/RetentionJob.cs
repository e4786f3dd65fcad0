using Quartz;

namespace FoodFast.Analytics.Reports.Retention;

/// <summary>The scheduled retention run (<c>Retention:Cron</c>); on one instance of the cluster at a time.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(RetentionRunner.ScheduleTrigger, cancellationToken);
}
