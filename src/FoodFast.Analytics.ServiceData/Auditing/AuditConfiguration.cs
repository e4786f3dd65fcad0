using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.Auditing;

/// <summary><c>audit_log</c> (Migrations/service/0003).</summary>
internal sealed class AuditConfiguration() : ServiceTable<AuditRecord>("audit_log")
{
    protected override void Map(EntityTypeBuilder<AuditRecord> audit) => audit.Property(a => a.Id).UseIdentityAlwaysColumn();
}
