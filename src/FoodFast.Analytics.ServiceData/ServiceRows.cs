using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FoodFast.Analytics.ServiceData;

/// <summary>A row of the service database that belongs to one shop, or to every shop when <see cref="ShopId"/> is null.</summary>
public interface IShopRow
{
    Guid Id { get; }

    string? ShopId { get; }
}

/// <summary>The inserts and scoped look-ups every store of the service database makes, each in a short-lived context.</summary>
public static class ServiceRows
{
    public static async Task AddAsync<T>(this IDbContextFactory<ServiceDbContext> contexts, T row, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Set<T>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether a save failed because a row with the same key is there already.</summary>
    public static bool IsDuplicateKey(this DbUpdateException ex) => ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>The row if it exists and <paramref name="shopScope"/> may see it (null scope: every shop).</summary>
    public static async Task<T?> FindAsync<T>(this IDbContextFactory<ServiceDbContext> contexts, Guid id, string? shopScope, CancellationToken cancellationToken)
        where T : class, IShopRow
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && (shopScope == null || r.ShopId == shopScope), cancellationToken);
    }
}
