using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.Reports.Schedules;

/// <summary>Reads and writes <c>report_schedules</c>; every read is narrowed to a shop scope (null: every shop).</summary>
public sealed class ReportScheduleStore(IDbContextFactory<ServiceDbContext> contexts)
{
    public Task AddAsync(ReportScheduleRecord schedule, CancellationToken cancellationToken) => contexts.AddAsync(schedule, cancellationToken);

    public Task<ReportScheduleRecord?> FindAsync(Guid id, string? shopScope, CancellationToken cancellationToken) =>
        contexts.FindAsync<ReportScheduleRecord>(id, shopScope, cancellationToken);

    public async Task<IReadOnlyList<ReportScheduleRecord>> ListAsync(string? shopScope, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReportSchedules.AsNoTracking().Where(s => shopScope == null || s.ShopId == shopScope)
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task UpdateAsync(ReportScheduleRecord schedule, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ReportSchedules.Update(schedule);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, string? shopScope, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReportSchedules.Where(s => s.Id == id && (shopScope == null || s.ShopId == shopScope)).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
