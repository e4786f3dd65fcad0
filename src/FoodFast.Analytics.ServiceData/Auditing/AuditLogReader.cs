using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.ServiceData.Auditing;

/// <summary>Pages through <c>audit_log</c>, newest first, optionally for one shop and/or one action.</summary>
public sealed class AuditLogReader(IDbContextFactory<ServiceDbContext> contexts)
{
    public async Task<(IReadOnlyList<AuditRecord> Items, long Total)> ReadAsync(
        string? shopId, string? action, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (shopId is not null)
        {
            query = query.Where(a => a.ShopId == shopId);
        }
        if (action is not null)
        {
            query = query.Where(a => a.Action == action);
        }
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }
}
