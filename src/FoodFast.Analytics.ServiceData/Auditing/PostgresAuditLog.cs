using FoodFast.Analytics.Core.Auditing;
using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.ServiceData.Auditing;

/// <summary>Appends audit entries to <c>audit_log</c>, one short transaction each.</summary>
public sealed class PostgresAuditLog(IDbContextFactory<ServiceDbContext> contexts) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditRecord
        {
            At = entry.At,
            Actor = entry.Actor,
            KeyId = entry.KeyId,
            Action = entry.Action,
            Resource = entry.Resource,
            ShopId = entry.ShopId,
            Outcome = OutcomeName(entry.Outcome),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string OutcomeName(AuditOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
