using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>Reads and moves <c>report_jobs</c> rows. Each status change is one conditional UPDATE, so two instances never both win.</summary>
public sealed class ReportJobStore(IDbContextFactory<ServiceDbContext> contexts, TimeProvider time)
{
    public Task AddAsync(ReportJobRecord job, CancellationToken cancellationToken) => contexts.AddAsync(job, cancellationToken);

    /// <summary>The job if it exists and <paramref name="shopScope"/> may see it (null scope: every shop).</summary>
    public Task<ReportJobRecord?> FindAsync(Guid id, string? shopScope, CancellationToken cancellationToken) =>
        contexts.FindAsync<ReportJobRecord>(id, shopScope, cancellationToken);

    /// <summary>Newest first, filtered; the page and the total count.</summary>
    public async Task<(IReadOnlyList<ReportJobRecord> Items, int Total)> ListAsync(ReportJobFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ReportJobs.AsNoTracking().Where(j => filter.ShopScope == null || j.ShopId == filter.ShopScope);
        if (filter.Status is { } status)
        {
            query = query.Where(j => j.Status == status);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(j => j.Kind == kind);
        }
        if (filter.ScheduleId is { } schedule)
        {
            query = query.Where(j => j.ScheduleId == schedule);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>Claims a queued job, or a running one whose instance died (a recovery), and starts a fresh attempt.</summary>
    public async Task<ReportJobRecord?> StartAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var claimed = await db.ReportJobs.Where(j => j.Id == id && (j.Status == ReportStatus.Queued || j.Status == ReportStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ReportStatus.Running).SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.Progress, 0).SetProperty(j => j.RowsWritten, 0L)
                .SetProperty(j => j.Error, (string?)null), cancellationToken);
        return claimed == 0 ? null : await db.ReportJobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>Records progress; false when the job is no longer running (cancelled or deleted), so the run should stop.</summary>
    public async Task<bool> ProgressAsync(Guid id, int percent, long rows, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReportJobs.Where(j => j.Id == id && j.Status == ReportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, percent).SetProperty(j => j.RowsWritten, rows), cancellationToken) > 0;
    }

    /// <summary>Records the file; false when the job was cancelled meanwhile (the caller deletes the file).</summary>
    public async Task<bool> SucceedAsync(Guid id, ReportFile file, long rows, TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.ReportJobs.Where(j => j.Id == id && j.Status == ReportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ReportStatus.Succeeded).SetProperty(j => j.Progress, 100)
                .SetProperty(j => j.RowsWritten, rows).SetProperty(j => j.FileKey, file.Key).SetProperty(j => j.FileName, file.Name)
                .SetProperty(j => j.SizeBytes, file.Size).SetProperty(j => j.Sha256, file.Sha256).SetProperty(j => j.ContentType, file.ContentType)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.ExpiresAt, now + retention), cancellationToken) > 0;
    }

    public async Task FailAsync(Guid id, string error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.ReportJobs.Where(j => j.Id == id && (j.Status == ReportStatus.Running || j.Status == ReportStatus.Queued))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ReportStatus.Failed).SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, now), cancellationToken);
    }

    /// <summary>Marks a queued or running job cancelled; false when it had already finished.</summary>
    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.ReportJobs.Where(j => j.Id == id && (j.Status == ReportStatus.Running || j.Status == ReportStatus.Queued))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ReportStatus.Cancelled).SetProperty(j => j.FinishedAt, now), cancellationToken) > 0;
    }

    /// <summary>Records the delivery outcomes (the whole <c>delivery</c> array) of a job.</summary>
    public async Task RecordDeliveryAsync(Guid id, string outcomes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ReportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Delivery, outcomes), cancellationToken);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ReportJobs.Where(j => j.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Succeeded jobs whose files are past their expiry, oldest first.</summary>
    public async Task<IReadOnlyList<ReportJobRecord>> ExpiredAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.ReportJobs.AsNoTracking().Where(j => j.Status == ReportStatus.Succeeded && j.ExpiresAt <= now)
            .OrderBy(j => j.ExpiresAt).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Succeeded and running jobs whose output may hold data of <paramref name="shopId"/>: its own and all-shops reports.</summary>
    public async Task<IReadOnlyList<ReportJobRecord>> HoldingShopDataAsync(string shopId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReportJobs.AsNoTracking()
            .Where(j => (j.ShopId == shopId || j.ShopId == null) && (j.Status == ReportStatus.Succeeded || j.Status == ReportStatus.Running))
            .OrderBy(j => j.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Marks a succeeded job erased (its file is gone); false when it was not succeeded any more.</summary>
    public async Task<bool> MarkErasedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReportJobs.Where(j => j.Id == id && j.Status == ReportStatus.Succeeded)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ReportStatus.Erased).SetProperty(j => j.FileKey, (string?)null), cancellationToken) > 0;
    }

    public async Task MarkExpiredAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ReportJobs.Where(j => j.Id == id && j.Status == ReportStatus.Succeeded)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ReportStatus.Expired), cancellationToken);
    }
}

/// <param name="ShopScope">Only this shop's jobs; null: every shop.</param>
/// <param name="Page">1-based.</param>
public sealed record ReportJobFilter(string? ShopScope, string? Status, string? Kind, Guid? ScheduleId, int Page, int PageSize);

/// <summary>A finished report's file: its store key, the name offered on download, and what the store measured.</summary>
public sealed record ReportFile(string Key, string Name, long Size, string Sha256, string ContentType);
