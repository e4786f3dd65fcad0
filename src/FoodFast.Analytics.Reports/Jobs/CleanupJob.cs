using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>
/// Deletes the files of reports past their expiry and marks those jobs expired (downloads then answer 410), and the
/// temporary files of runs killed mid-write. It first runs when the scheduler starts, then every CleanupIntervalSeconds.
/// </summary>
public sealed class CleanupJob(ReportJobStore jobs, IFileStore files, IOptions<ReportJobsOptions> options, ILogger<CleanupJob> logger) : IJob
{
    private const int Batch = 500;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var expired = 0;
        IReadOnlyList<ReportJobRecord> due;
        do
        {
            due = await jobs.ExpiredAsync(Batch, cancellationToken);
            foreach (var job in due)
            {
                if (job.FileKey is { } key)
                {
                    await files.DeleteAsync(key, cancellationToken);
                }
                await jobs.MarkExpiredAsync(job.Id, cancellationToken);
                expired++;
            }
        }
        while (due.Count == Batch);
        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} reports and deleted their files", expired);
        }
        var abandoned = await files.RemoveAbandonedAsync(TimeSpan.FromMinutes(options.Value.AbandonedFileMinutes), cancellationToken);
        if (abandoned > 0)
        {
            logger.LogInformation("Deleted {Count} temporary report files left by killed runs", abandoned);
        }
    }
}
