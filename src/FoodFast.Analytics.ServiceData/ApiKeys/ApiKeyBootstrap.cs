using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.ServiceData.ApiKeys;

public static class ApiKeyBootstrap
{
    /// <summary>
    /// Inserts <paramref name="key"/> only when <c>api_keys</c> is empty and returns whether it did; <paramref name="beforeCommit"/>
    /// runs after the insert and before the commit, so if it throws, no key exists. A transaction-scoped advisory lock
    /// serialises instances starting at once, so exactly one of them creates the first key.
    /// </summary>
    public static async Task<bool> InsertIfNoKeysAsync(
        this ServiceDbContext db, ApiKeyRecord key, Func<CancellationToken, Task> beforeCommit, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("select pg_advisory_xact_lock(hashtext('foodfast.api_keys.bootstrap'))", cancellationToken);
        if (await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return false;
        }
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await beforeCommit(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
