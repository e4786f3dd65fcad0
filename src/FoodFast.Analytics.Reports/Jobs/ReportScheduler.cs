using FoodFast.Analytics.Core.Hosting;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Reports.Retention;
using FoodFast.Analytics.Reports.Schedules;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>
/// Starts Quartz once the schema is applied (so the service still starts while Postgres is down) and is the one
/// place that talks to it: queue a report run, interrupt it, keep schedules' cron triggers and the cleanup trigger.
/// Misfire policies: a report run fires as soon as it can (<c>FireNow</c>: nobody wants a requested report dropped);
/// a schedule that missed firings while no instance ran fires once on recovery and then follows its cron
/// (<c>FireAndProceed</c>: one catch-up report, not one per missed firing); cleanup and retention skip missed runs.
/// </summary>
public sealed class ReportScheduler(ISchedulerFactory factory, IStorageReadiness readiness, IOptions<ReportJobsOptions> options,
    IOptions<RetentionOptions> retention, TimeProvider time, ILogger<ReportScheduler> logger) : BackgroundService
{
    private const string ReportGroup = "reports";
    private const string ScheduleGroup = "schedules";
    private readonly TaskCompletionSource<IScheduler> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static JobKey ReportKey(Guid id) => new(id.ToString("N"), ReportGroup);

    public static JobKey ScheduleKey(Guid id) => new(id.ToString("N"), ScheduleGroup);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.Ready.WaitAsync(stoppingToken);
        await Retry.UntilDoneAsync(async token =>
            {
                var scheduler = await factory.GetScheduler(token);
                await scheduler.Start(token);
                await ScheduleCleanupAsync(scheduler, token);
                await ScheduleRetentionAsync(scheduler, token);
                _started.TrySetResult(scheduler);
                logger.LogInformation("Report scheduler {Name} started as {Instance}", scheduler.SchedulerName, scheduler.SchedulerInstanceId);
            },
            TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10),
            (ex, delay) => logger.LogWarning("Report scheduler not started, retrying in {Delay}: {Error}", delay, ex.Message),
            stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_started.Task.IsCompletedSuccessfully)
        {
            await _started.Task.Result.Shutdown(false, cancellationToken);
        }
    }

    /// <summary>Queues one run of a report job; it requests recovery, so a run cut short by a crash starts again elsewhere.</summary>
    public async Task EnqueueAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var scheduler = await _started.Task.WaitAsync(cancellationToken);
        var job = JobBuilder.Create<RunReportJob>().WithIdentity(ReportKey(reportId))
            .UsingJobData(RunReportJob.ReportIdKey, reportId.ToString()).RequestRecovery(true).Build();
        var trigger = TriggerBuilder.Create(time).WithIdentity(reportId.ToString("N"), ReportGroup).StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
    }

    /// <summary>
    /// Fires the report's job again at <paramref name="at"/> to retry its pending deliveries (the run itself is finished, so
    /// the job only delivers). A trigger added while the job runs keeps the job stored after this run completes.
    /// </summary>
    public async Task RetryDeliveryAsync(Guid reportId, int attempt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await _started.Task.WaitAsync(cancellationToken);
        var trigger = TriggerBuilder.Create(time).WithIdentity($"{reportId:N}-delivery-{attempt}", ReportGroup).ForJob(ReportKey(reportId)).StartAt(at)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
    }

    /// <summary>Cancels the run's token if it runs on this instance; elsewhere the heartbeat sees the cancelled status.</summary>
    public async Task InterruptAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var scheduler = await _started.Task.WaitAsync(cancellationToken);
        await scheduler.Interrupt(ReportKey(reportId), cancellationToken);
    }

    /// <summary>Creates or replaces a schedule's cron trigger (removed while the schedule is disabled); answers the next firing.</summary>
    public async Task<DateTimeOffset?> ScheduleAsync(ReportScheduleRecord schedule, CancellationToken cancellationToken)
    {
        var scheduler = await _started.Task.WaitAsync(cancellationToken);
        if (!schedule.Enabled)
        {
            await scheduler.DeleteJob(ScheduleKey(schedule.Id), cancellationToken);
            return null;
        }
        var job = JobBuilder.Create<ScheduledReportJob>().WithIdentity(ScheduleKey(schedule.Id))
            .UsingJobData(ScheduledReportJob.ScheduleIdKey, schedule.Id.ToString()).Build();
        var cron = CronScheduleBuilder.Create(schedule.Cron).InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone))
            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
        var trigger = TriggerBuilder.Create(time).WithIdentity(schedule.Id.ToString("N"), ScheduleGroup).WithSchedule(cron).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        return trigger.NextFireTimeUtc ?? (await scheduler.GetTrigger(trigger.Key, cancellationToken))?.NextFireTimeUtc;
    }

    public async Task UnscheduleAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        var scheduler = await _started.Task.WaitAsync(cancellationToken);
        await scheduler.DeleteJob(ScheduleKey(scheduleId), cancellationToken);
    }

    /// <summary>When the schedule fires next; null when it is disabled (or the scheduler has not started yet).</summary>
    public async Task<DateTimeOffset?> NextFireAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        if (!_started.Task.IsCompletedSuccessfully)
        {
            return null;
        }
        var trigger = await _started.Task.Result.GetTrigger(new TriggerKey(scheduleId.ToString("N"), ScheduleGroup), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    private async Task ScheduleCleanupAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<CleanupJob>().WithIdentity("cleanup", "maintenance").DisallowConcurrentExecution(true).Build();
        var trigger = TriggerBuilder.Create(time).WithIdentity("cleanup", "maintenance").StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromSeconds(options.Value.CleanupIntervalSeconds)).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    private async Task ScheduleRetentionAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<RetentionJob>().WithIdentity("retention", "maintenance").Build();
        var cron = CronScheduleBuilder.Create(retention.Value.Cron).InTimeZone(TimeZoneInfo.Utc)
            .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing);
        var trigger = TriggerBuilder.Create(time).WithIdentity("retention", "maintenance").WithSchedule(cron).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>When the retention job runs next; null until the scheduler has started.</summary>
    public async Task<DateTimeOffset?> NextRetentionAsync(CancellationToken cancellationToken) =>
        _started.Task.IsCompletedSuccessfully
            ? (await _started.Task.Result.GetTrigger(new TriggerKey("retention", "maintenance"), cancellationToken))?.NextFireTimeUtc
            : null;
}
