using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.ApiKeys;

/// <summary><c>api_keys</c> (Migrations/service/0002).</summary>
internal sealed class ApiKeyConfiguration() : ServiceTable<ApiKeyRecord>("api_keys")
{
    protected override void Map(EntityTypeBuilder<ApiKeyRecord> key) => key.Property(k => k.Id).ValueGeneratedNever();
}
