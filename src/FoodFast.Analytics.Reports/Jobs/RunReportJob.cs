using Quartz;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>The Quartz job of one report run. Its data is the report id; the rest is in <c>report_jobs</c>.</summary>
public sealed class RunReportJob(ReportRunner runner) : IJob
{
    public const string ReportIdKey = "reportId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse((string)context.MergedJobDataMap[ReportIdKey]!);
        await runner.RunAsync(id, cancellationToken);
    }
}
