using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Elasticsearch.Documents;

/// <summary>From the model to the stored documents: enums as <see cref="WireNames"/>, times in UTC, derived figures computed.</summary>
public static class DocumentMapper
{
    public static OrderDocument ToDocument(Order order)
    {
        var updated = order.UpdatedAt.UtcDateTime;
        return new OrderDocument
        {
            OrderId = order.OrderId,
            ShopId = order.ShopId,
            CustomerId = order.CustomerId,
            Status = WireNames.Of(order.Status),
            CreatedAt = order.CreatedAt.UtcDateTime,
            UpdatedAt = updated,
            Currency = order.Currency,
            Channel = WireNames.Of(order.Channel),
            PaymentMethod = WireNames.Of(order.PaymentMethod),
            Country = order.Country,
            City = order.City,
            Location = order.Location is { } at ? new GeoLocation(at.Lat, at.Lon) : null,
            CouponCode = order.CouponCode,
            Subtotal = order.Subtotal,
            Discount = order.Discount,
            Tax = order.Tax,
            Shipping = order.Shipping,
            Total = order.Total,
            Units = order.Items.Sum(i => i.Quantity),
            LineCount = order.Items.Count,
            CancelledAt = order.Status == OrderStatus.Cancelled ? updated : null,
            RefundedAt = order.Status == OrderStatus.Refunded ? updated : null,
            ProductIds = Distinct(order.Items.Select(i => i.ProductId)),
            Categories = Distinct(order.Items.Select(i => i.Category)),
            Brands = Distinct(order.Items.Select(i => i.Brand)),
        };
    }

    public static IReadOnlyList<OrderLineDocument> ToLineDocuments(Order order) =>
        order.Items.Select((item, index) => new OrderLineDocument
        {
            ShopId = order.ShopId,
            OrderId = order.OrderId,
            LineNo = index + 1,
            ProductId = item.ProductId,
            ProductName = item.ProductName,
            Category = item.Category,
            Brand = item.Brand,
            Quantity = item.Quantity,
            UnitPrice = item.UnitPrice,
            UnitCost = item.UnitCost,
            LineTotal = item.LineTotal,
            LineCost = item.UnitCost * item.Quantity,
            CustomerId = order.CustomerId,
            Status = WireNames.Of(order.Status),
            CreatedAt = order.CreatedAt.UtcDateTime,
            UpdatedAt = order.UpdatedAt.UtcDateTime,
            Currency = order.Currency,
            Country = order.Country,
            City = order.City,
            Channel = WireNames.Of(order.Channel),
            PaymentMethod = WireNames.Of(order.PaymentMethod),
        }).ToList();

    public static EventDocument ToDocument(ActivityEvent activity) => new()
    {
        Timestamp = activity.OccurredAt.UtcDateTime,
        EventId = activity.EventId.ToString("D"),
        ShopId = activity.ShopId,
        Category = WireNames.Of(activity.Category),
        Type = WireNames.Of(activity.Type),
        UserId = activity.UserId,
        SessionId = activity.SessionId,
        ProductId = activity.ProductId,
        ProductName = activity.ProductName,
        ProductCategory = activity.ProductCategory,
        Quantity = activity.Quantity,
        Value = activity.Value,
        Currency = activity.Currency,
        OrderId = activity.OrderId,
        Query = activity.Query,
        ResultsCount = activity.ResultsCount,
        Rating = activity.Rating,
        StockLevel = activity.StockLevel,
        Url = activity.Url,
        Referrer = activity.Referrer,
        Device = activity.Device,
        Country = activity.Country,
        Properties = activity.Properties,
    };

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
