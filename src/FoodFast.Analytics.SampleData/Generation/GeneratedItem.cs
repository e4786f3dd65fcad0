using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>One thing to send: a version of an order (a status change) or an activity event.</summary>
public readonly record struct GeneratedItem(Order? Order, ActivityEvent? Event)
{
    public string ShopId => Order?.ShopId ?? Event!.ShopId;
}
