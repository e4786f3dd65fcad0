using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.ApiKeys;

/// <summary>The EF mapping of <c>api_keys</c> (Migrations/service/0002).</summary>
internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKeyRecord> key)
    {
        key.ToTable("api_keys");
        key.Property(k => k.Id).ValueGeneratedNever();
        SnakeCaseColumns.Apply(key.Metadata);
    }
}
