namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>What the generator remembers about one shop while it runs: customers, stock, the last order number.</summary>
public sealed class ShopState(Shop shop, CustomerPool customers, Inventory inventory)
{
    public Shop Shop { get; } = shop;
    public CustomerPool Customers { get; } = customers;
    public Inventory Inventory { get; } = inventory;
    public int OrdersPlaced { get; set; }
}
