using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.Reports.Retention;

/// <summary>
/// Deletes finished report jobs (succeeded, failed, cancelled, expired) that finished before the cutoff, with their
/// files, a batch at a time: the files first, so a crash in between leaves a row without a file (a 410), never a
/// file nobody can find. Queued and running jobs are never touched. Driver failures are raised as Core's
/// <see cref="Core.Storage.DependencyFailedException"/>.
/// </summary>
public sealed class ReportFilesRetention(IDbContextFactory<ServiceDbContext> contexts, IFileStore files)
{
    private static readonly string[] Final = [ReportStatus.Succeeded, ReportStatus.Failed, ReportStatus.Cancelled, ReportStatus.Expired, ReportStatus.Erased];

    /// <summary>Answers the jobs deleted per shop (an all-shops job counts under the empty key).</summary>
    public Task<IReadOnlyDictionary<string, long>> DeleteAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken) =>
        NpgsqlFailures.GuardAsync("retention_report_files", () => DeleteOnceAsync(cutoff, batch, cancellationToken));

    private async Task<IReadOnlyDictionary<string, long>> DeleteOnceAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        var perShop = new Dictionary<string, long>(StringComparer.Ordinal);
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var due = await db.ReportJobs.AsNoTracking()
                .Where(j => Final.Contains(j.Status) && (j.FinishedAt ?? j.CreatedAt) < cutoff)
                .OrderBy(j => j.CreatedAt).Select(j => new { j.Id, j.ShopId, j.FileKey }).Take(batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return perShop;
            }
            foreach (var key in due.Select(j => j.FileKey).OfType<string>())
            {
                await files.DeleteAsync(key, cancellationToken);
            }
            var ids = due.Select(j => j.Id).ToList();
            await db.ReportJobs.Where(j => ids.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
            foreach (var job in due)
            {
                perShop[job.ShopId ?? ""] = perShop.GetValueOrDefault(job.ShopId ?? "") + 1;
            }
            if (due.Count < batch)
            {
                return perShop;
            }
        }
    }
}
