using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.ServiceData.Dashboards;

/// <summary>
/// Reads and writes <c>dashboards</c>. Every read takes the caller's view (<see cref="DashboardViewer"/>): a dashboard
/// outside it does not exist for that caller. Updates are conditional on the version, so a stale writer loses.
/// </summary>
public sealed class DashboardStore(IDbContextFactory<ServiceDbContext> contexts)
{
    public Task AddAsync(DashboardRecord dashboard, CancellationToken cancellationToken) => contexts.AddAsync(dashboard, cancellationToken);

    public async Task<DashboardRecord?> FindAsync(Guid id, DashboardViewer viewer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Visible(db, viewer).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    /// <summary>Most recently changed first; <paramref name="shopId"/> narrows an all-shops viewer to one shop.</summary>
    public async Task<IReadOnlyList<DashboardRecord>> ListAsync(DashboardViewer viewer, string? shopId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Visible(db, viewer).Where(d => shopId == null || d.ShopId == shopId)
            .OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Replaces name, visibility and widgets when the stored version is <paramref name="expectedVersion"/>; false otherwise.</summary>
    public async Task<bool> UpdateAsync(DashboardRecord changed, int expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Dashboards.Where(d => d.Id == changed.Id && d.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, changed.Name).SetProperty(d => d.IsPublic, changed.IsPublic)
                .SetProperty(d => d.Widgets, changed.Widgets).SetProperty(d => d.UpdatedAt, changed.UpdatedAt)
                .SetProperty(d => d.Version, expectedVersion + 1), cancellationToken) == 1;
    }

    public async Task<bool> DeleteAsync(Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Dashboards.Where(d => d.Id == id && d.Version == expectedVersion).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    private static IQueryable<DashboardRecord> Visible(ServiceDbContext db, DashboardViewer viewer) =>
        db.Dashboards.AsNoTracking().Where(d => (viewer.ShopId == null || d.ShopId == viewer.ShopId)
            && (viewer.SeesPrivate || d.IsPublic || d.Owner == viewer.CallerId));
}

/// <summary>
/// Who looks: a caller bound to a shop sees only that shop (<paramref name="ShopId"/> null: every shop); within it, the
/// public dashboards and its own, or every one when it <paramref name="SeesPrivate"/> (admins).
/// </summary>
public sealed record DashboardViewer(string CallerId, string? ShopId, bool SeesPrivate);
