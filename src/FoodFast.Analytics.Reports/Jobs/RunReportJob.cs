using FoodFast.Analytics.Reports.Delivery;
using Quartz;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>
/// The Quartz job of one report run, then its delivery. Its data is the report id; the rest is in <c>report_jobs</c>.
/// Recovered after a crash, it reruns an unfinished report from the start, or resumes the pending deliveries of a finished one.
/// </summary>
public sealed class RunReportJob(ReportRunner runner, ReportDeliverer deliverer) : IJob
{
    public const string ReportIdKey = "reportId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse((string)context.MergedJobDataMap[ReportIdKey]!);
        await runner.RunAsync(id, cancellationToken);
        await deliverer.DeliverAsync(id, cancellationToken);
    }
}
