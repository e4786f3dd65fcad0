using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FoodFast.Analytics.ServiceData;

/// <summary>Maps every property without an explicit column name to its snake_case name (<c>CreatedAt</c> → <c>created_at</c>).</summary>
internal static class SnakeCaseColumns
{
    public static void Apply(IMutableEntityType entity)
    {
        foreach (var property in entity.GetProperties())
        {
            if (property.GetColumnName() == property.Name)
            {
                property.SetColumnName(string.Concat(property.Name.Select((c, i) =>
                    char.IsUpper(c) && i > 0 ? $"_{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString())));
            }
        }
    }
}
