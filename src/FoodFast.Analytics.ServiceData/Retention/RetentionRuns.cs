using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.ServiceData.Retention;

/// <summary>Records retention runs in <c>retention_runs</c> and answers the last one of each dataset.</summary>
public sealed class RetentionRuns(IDbContextFactory<ServiceDbContext> contexts)
{
    public async Task AddAsync(IReadOnlyList<RetentionRunRecord> records, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.RetentionRuns.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest record of each dataset that has one.</summary>
    public async Task<IReadOnlyDictionary<string, RetentionRunRecord>> LastPerDatasetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var newest = await db.RetentionRuns.AsNoTracking()
            .Where(r => r.Id == db.RetentionRuns.Where(o => o.Dataset == r.Dataset).Max(o => o.Id))
            .ToListAsync(cancellationToken);
        return newest.ToDictionary(r => r.Dataset, StringComparer.Ordinal);
    }
}
