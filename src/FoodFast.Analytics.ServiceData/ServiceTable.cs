using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData;

/// <summary>
/// The EF mapping of one table of the service database: its name, what <see cref="Map"/> adds, and every other column
/// in snake_case (<see cref="SnakeCaseColumns"/>). <see cref="ServiceDbContext"/> applies every subclass in this assembly.
/// </summary>
internal abstract class ServiceTable<T>(string table) : IEntityTypeConfiguration<T>
    where T : class
{
    public void Configure(EntityTypeBuilder<T> entity)
    {
        entity.ToTable(table);
        Map(entity);
        SnakeCaseColumns.Apply(entity.Metadata);
    }

    protected abstract void Map(EntityTypeBuilder<T> entity);
}
