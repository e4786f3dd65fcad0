using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Core.Ingestion.Validation;

/// <summary>Reads and validates one activity event; unknown types are rejected with the list of known ones.</summary>
public static class EventReader
{
    public static ActivityEvent? Read(JsonElement json, ValidationRules rules, List<FieldProblem> problems)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new FieldProblem("$", "must be a JSON object"));
            return null;
        }
        var before = problems.Count;
        var r = new FieldReader(json, "", problems);
        var shopId = r.ShopId();
        var eventId = r.Uuid("eventId", required: true);
        var occurredAt = r.Timestamp("occurredAt", rules, required: true);
        var type = r.Enum<ActivityType>("type", required: true);
        var category = r.Enum<EventCategory>("category") ?? (type is { } t ? CategoryOf(t) : null);
        var activity = new ActivityEvent
        {
            ShopId = shopId ?? "",
            EventId = eventId ?? Guid.Empty,
            OccurredAt = occurredAt ?? default,
            Category = category ?? default,
            Type = type ?? default,
            UserId = r.String("userId", ValidationRules.IdLength),
            SessionId = r.String("sessionId", ValidationRules.IdLength),
            ProductId = r.String("productId", ValidationRules.IdLength),
            ProductName = r.String("productName", ValidationRules.NameLength),
            ProductCategory = r.String("productCategory", ValidationRules.NameLength),
            Quantity = r.Int("quantity", min: -100_000, max: 100_000),
            Value = r.Decimal("value") ?? r.Decimal("price"),
            Currency = r.String("currency", 3, pattern: Patterns.Currency(), expected: Patterns.CurrencyExpected),
            OrderId = r.String("orderId", ValidationRules.IdLength),
            Query = r.String("query", ValidationRules.TextLength),
            ResultsCount = r.Int("resultsCount", min: 0),
            Rating = r.Int("rating", min: 1, max: 5),
            StockLevel = r.Int("stockLevel", min: -1_000_000, max: 1_000_000_000),
            Url = r.String("url", ValidationRules.UrlLength),
            Referrer = r.String("referrer", ValidationRules.UrlLength),
            Device = r.String("device", 64),
            Country = r.String("country", 2, pattern: Patterns.Country(), expected: Patterns.CountryExpected),
            Properties = ReadProperties(r, rules),
        };
        RequireReference(r, activity);
        return problems.Count > before ? null : activity;
    }

    /// <summary>Supplier and purchase events say which supplier or purchase order they are about, as a property.</summary>
    private static void RequireReference(FieldReader r, ActivityEvent activity)
    {
        var key = activity.Type switch
        {
            ActivityType.SupplierUpdated => SupplyReferences.SupplierId,
            ActivityType.PurchaseCreated or ActivityType.PurchaseReceived => SupplyReferences.PurchaseId,
            _ => null,
        };
        if (key is not null && SupplyReferences.Text(activity.Properties, key) is null)
        {
            r.Problem($"properties.{key}", $"is required for {WireNames.Of(activity.Type)} events (a string or number)");
        }
    }

    /// <summary>The event category implied by a type, used when the producer leaves it out.</summary>
    public static EventCategory CategoryOf(ActivityType type) => type switch
    {
        ActivityType.PageView or ActivityType.Search or ActivityType.Login or ActivityType.Registration => EventCategory.User,
        ActivityType.ProductView or ActivityType.AddToCart or ActivityType.RemoveFromCart or ActivityType.WishlistAdd
            or ActivityType.Review or ActivityType.InventoryUpdated
            or ActivityType.SupplierUpdated or ActivityType.PurchaseCreated or ActivityType.PurchaseReceived => EventCategory.Product,
        _ => EventCategory.Order,
    };

    /// <summary>A flat map of strings and numbers, bounded in key count, key length and value length.</summary>
    private static Dictionary<string, JsonElement>? ReadProperties(FieldReader r, ValidationRules rules)
    {
        if (!r.TryGet("properties", out var json))
        {
            return null;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            r.Problem("properties", "must be an object of string or number values");
            return null;
        }
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (!JsonText.TryGetName(property, out var name) || !Patterns.IsStorableText(name))
            {
                r.Problem("properties", "keys must be valid Unicode text without NUL characters");
                continue;
            }
            var field = $"properties.{name}";
            if (properties.Count == rules.MaxPropertyKeys)
            {
                r.Problem("properties", $"must have at most {rules.MaxPropertyKeys} keys (the limit Ingestion:MaxPropertyKeys)");
                return null;
            }
            if (name.Length is 0 or > ValidationRules.PropertyKeyLength)
            {
                r.Problem("properties", $"keys must be 1-{ValidationRules.PropertyKeyLength} characters");
            }
            else if (property.Value.ValueKind == JsonValueKind.String && !(JsonText.TryGetString(property.Value, out var text) && Patterns.IsStorableText(text)))
            {
                r.Problem(field, "must be valid Unicode text without NUL characters");
            }
            else if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > ValidationRules.TextLength)
            {
                r.Problem(field, $"must be at most {ValidationRules.TextLength} characters");
            }
            else if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                r.Problem(field, "must be a string or a number (properties are a flat map)");
            }
            else
            {
                properties[name] = property.Value.Clone();
            }
        }
        return properties;
    }
}
