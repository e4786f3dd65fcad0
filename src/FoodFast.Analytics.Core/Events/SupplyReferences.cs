using System.Text.Json;

namespace FoodFast.Analytics.Core.Events;

/// <summary>
/// Supplier and purchase (stock procurement) events name what they are about in <see cref="ActivityEvent.Properties"/>:
/// the event has no columns of its own for them, so the store, Kibana and exports need no new fields.
/// </summary>
public static class SupplyReferences
{
    public const string SupplierId = "supplierId";
    public const string PurchaseId = "purchaseId";

    /// <summary>The property as text (a string, or a number as written), or null when absent or empty.</summary>
    public static string? Text(IReadOnlyDictionary<string, JsonElement>? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String when value.GetString() is { Length: > 0 } text => text,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
