using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.ServiceData;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace FoodFast.Analytics.Reports.Schedules;

/// <summary>
/// A schedule's cron trigger fired: queue one report job with the schedule's kind, format and parameters.
/// The job id is derived from the schedule and the firing time, so a firing recovered after a crash queues no second report.
/// </summary>
public sealed class ScheduledReportJob(ReportScheduleStore schedules, ReportRequests requests) : IJob
{
    public const string ScheduleIdKey = "scheduleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scheduleId = Guid.Parse((string)context.MergedJobDataMap[ScheduleIdKey]!);
        if (await schedules.FindAsync(scheduleId, shopScope: null, cancellationToken) is not { Enabled: true } schedule)
        {
            return;
        }
        var parameters = JsonSerializer.Deserialize<ReportParameters>(schedule.Parameters, WireJson.Options) ?? new ReportParameters();
        var report = new NewReport(schedule.ShopId, schedule.Kind, schedule.Format, parameters, $"schedule:{schedule.Id}", schedule.Id,
            DeliveryJson.Targets(schedule.Delivery));
        try
        {
            await requests.CreateAsync(report, cancellationToken, RunId(scheduleId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
        }
        catch (DbUpdateException ex) when (ex.IsDuplicateKey())
        {
            // This firing already queued its report before a crash.
        }
    }

    internal static Guid RunId(Guid scheduleId, DateTimeOffset fireTime)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scheduleId:N}@{fireTime.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
