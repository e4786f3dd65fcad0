using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.ServiceData.ReportJobs;

namespace FoodFast.Analytics.Reports.Erasure;

/// <summary>
/// The report side of a customer erasure: listed always, deleted on request. Report files do not say which customers they name, so every file that may
/// hold the shop's data goes: the shop's own reports and all-shops reports. Their jobs are marked erased (downloads
/// answer 410); a run still writing is cancelled, since it may have read the customer before the erasure.
/// </summary>
public sealed class ReportErasure(ReportJobStore jobs, IFileStore files)
{
    /// <summary>The reports whose files may hold a customer of the shop: what <see cref="EraseShopReportsAsync"/> would remove.</summary>
    public async Task<IReadOnlyList<Guid>> ListShopReportsAsync(string shopId, CancellationToken cancellationToken) =>
        [.. (await jobs.HoldingShopDataAsync(shopId, cancellationToken)).Select(j => j.Id)];

    public async Task<ErasedReports> EraseShopReportsAsync(string shopId, CancellationToken cancellationToken)
    {
        var erased = new List<Guid>();
        var cancelled = new List<Guid>();
        foreach (var job in await jobs.HoldingShopDataAsync(shopId, cancellationToken))
        {
            if (job.Status == ReportStatus.Running)
            {
                if (await jobs.CancelAsync(job.Id, cancellationToken))
                {
                    cancelled.Add(job.Id);
                }
                continue;
            }
            // The job first, then the file: a download racing with us sees 410 rather than a file about to vanish.
            if (await jobs.MarkErasedAsync(job.Id, cancellationToken))
            {
                erased.Add(job.Id);
            }
            if (job.FileKey is { } key)
            {
                await files.DeleteAsync(key, cancellationToken);
            }
        }
        return new ErasedReports(erased, cancelled);
    }
}

/// <param name="Erased">Succeeded reports whose files were deleted.</param>
/// <param name="Cancelled">Runs that were still writing and were stopped (a cancelled run leaves no file).</param>
public sealed record ErasedReports(IReadOnlyList<Guid> Erased, IReadOnlyList<Guid> Cancelled);
