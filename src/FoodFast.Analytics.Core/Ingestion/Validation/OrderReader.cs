using System.Globalization;
using System.Text.Json;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Core.Ingestion.Validation;

/// <summary>Reads and validates one order, including its arithmetic: every problem is reported with its field.</summary>
public static class OrderReader
{
    public static Order? Read(JsonElement json, ValidationRules rules, List<FieldProblem> problems)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new FieldProblem("$", "must be a JSON object"));
            return null;
        }
        var before = problems.Count;
        var r = new FieldReader(json, "", problems);
        var shopId = r.ShopId();
        var orderId = r.String("orderId", ValidationRules.IdLength, required: true);
        var customerId = r.String("customerId", ValidationRules.IdLength);
        var status = r.Enum<OrderStatus>("status", required: true);
        var createdAt = r.Timestamp("createdAt", rules, required: true);
        var updatedAt = r.Timestamp("updatedAt", rules) ?? createdAt;
        var currency = r.String("currency", 3, required: true, Patterns.Currency(), Patterns.CurrencyExpected);
        var channel = r.Enum<SalesChannel>("channel", required: true);
        var payment = r.Enum<PaymentMethod>("paymentMethod", required: true);
        var country = r.String("country", 2, required: true, Patterns.Country(), Patterns.CountryExpected);
        var city = r.String("city", ValidationRules.NameLength);
        var location = ReadLocation(r, problems);
        var coupon = r.String("couponCode", 64);
        var subtotal = r.Decimal("subtotal", required: true);
        var discount = r.Decimal("discount") ?? 0;
        var tax = r.Decimal("tax") ?? 0;
        var shipping = r.Decimal("shipping") ?? 0;
        var total = r.Decimal("total", required: true);
        var items = ReadItems(r, rules, problems);

        if (createdAt is { } created && updatedAt is { } updated && updated < created)
        {
            r.Problem("updatedAt", "must not be before createdAt");
        }
        if (items is not null && subtotal is { } sub && items.All(i => i is not null))
        {
            var lines = items.Sum(i => i!.LineTotal);
            if (Math.Abs(lines - sub) > ValidationRules.Tolerance)
            {
                r.Problem("subtotal", $"must equal the sum of the lines' lineTotal ({Money(lines)}), got {Money(sub)}");
            }
        }
        if (subtotal is { } s && total is { } t)
        {
            var expected = s - discount + tax + shipping;
            if (Math.Abs(expected - t) > ValidationRules.Tolerance)
            {
                r.Problem("total", $"must equal subtotal - discount + tax + shipping ({Money(s)} - {Money(discount)} + {Money(tax)} + {Money(shipping)} = {Money(expected)}), got {Money(t)}");
            }
        }
        if (problems.Count > before)
        {
            return null;
        }
        return new Order
        {
            ShopId = shopId!, OrderId = orderId!, CustomerId = customerId, Status = status!.Value,
            CreatedAt = createdAt!.Value, UpdatedAt = updatedAt!.Value, Currency = currency!, Channel = channel!.Value,
            PaymentMethod = payment!.Value, Country = country!, City = city, Location = location, CouponCode = coupon,
            Subtotal = subtotal!.Value, Discount = discount, Tax = tax, Shipping = shipping, Total = total!.Value,
            Items = items!.Select(i => i!).ToList(),
        };
    }

    private static GeoPoint? ReadLocation(FieldReader order, List<FieldProblem> problems)
    {
        if (!order.TryGet("location", out var json))
        {
            return null;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            order.Problem("location", "must be an object {\"lat\": ..., \"lon\": ...}");
            return null;
        }
        var r = new FieldReader(json, order.Path("location"), problems);
        var lat = r.Decimal("lat", required: true, min: -90, max: 90, maxScale: 8);
        var lon = r.Decimal("lon", required: true, min: -180, max: 180, maxScale: 8);
        return lat is { } a && lon is { } b ? new GeoPoint((double)a, (double)b) : null;
    }

    private static List<OrderItem?>? ReadItems(FieldReader order, ValidationRules rules, List<FieldProblem> problems)
    {
        if (!order.TryGet("items", out var json) || json.ValueKind != JsonValueKind.Array || json.GetArrayLength() == 0)
        {
            order.Problem("items", "must be a non-empty array of order lines");
            return null;
        }
        if (json.GetArrayLength() > rules.MaxLinesPerOrder)
        {
            order.Problem("items", $"must have at most {rules.MaxLinesPerOrder} lines (the limit Ingestion:MaxLinesPerOrder), got {json.GetArrayLength()}");
            return null;
        }
        var items = new List<OrderItem?>();
        var index = 0;
        foreach (var line in json.EnumerateArray())
        {
            items.Add(ReadItem(new FieldReader(line, $"items[{index++}]", problems), line.ValueKind));
        }
        return items;
    }

    private static OrderItem? ReadItem(FieldReader r, JsonValueKind kind)
    {
        if (kind != JsonValueKind.Object)
        {
            r.Problem("", "must be a JSON object");
            return null;
        }
        var productId = r.String("productId", ValidationRules.IdLength, required: true);
        var name = r.String("productName", ValidationRules.NameLength, required: true);
        var category = r.String("category", ValidationRules.NameLength, required: true);
        var brand = r.String("brand", ValidationRules.NameLength);
        var quantity = r.Int("quantity", required: true, min: 1, max: 100_000);
        var unitPrice = r.Decimal("unitPrice", required: true);
        var unitCost = r.Decimal("unitCost");
        var lineTotal = r.Decimal("lineTotal", required: true);
        if (quantity is { } q && unitPrice is { } p && lineTotal is { } l && Math.Abs(q * p - l) > ValidationRules.Tolerance)
        {
            r.Problem("lineTotal", $"must equal quantity x unitPrice ({q} x {Money(p)} = {Money(q * p)}), got {Money(l)}");
            return null;
        }
        if (productId is null || name is null || category is null || quantity is null || unitPrice is null || lineTotal is null)
        {
            return null;
        }
        return new OrderItem
        {
            ProductId = productId, ProductName = name, Category = category, Brand = brand, Quantity = quantity.Value,
            UnitPrice = unitPrice.Value, UnitCost = unitCost, LineTotal = lineTotal.Value,
        };
    }

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
