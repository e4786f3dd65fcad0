using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.Auditing;

/// <summary>The EF mapping of <c>audit_log</c> (Migrations/service/0003).</summary>
internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> audit)
    {
        audit.ToTable("audit_log");
        audit.Property(a => a.Id).UseIdentityAlwaysColumn();
        SnakeCaseColumns.Apply(audit.Metadata);
    }
}
