using FoodFast.Analytics.Core.Events;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>Which event category each activity type belongs to: the user, a product, or an order.</summary>
public static class EventKinds
{
    public static EventCategory CategoryOf(ActivityType type) => type switch
    {
        ActivityType.PageView or ActivityType.Search or ActivityType.Login or ActivityType.Registration => EventCategory.User,
        ActivityType.ProductView or ActivityType.AddToCart or ActivityType.RemoveFromCart or ActivityType.WishlistAdd
            or ActivityType.Review or ActivityType.InventoryUpdated => EventCategory.Product,
        _ => EventCategory.Order,
    };
}
