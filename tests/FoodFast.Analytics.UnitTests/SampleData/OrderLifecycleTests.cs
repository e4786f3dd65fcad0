using System.Text.Json;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class OrderLifecycleTests(SampleRunFixture fixture) : IClassFixture<SampleRunFixture>
{
    // The allowed next statuses, written out here rather than taken from the generator.
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Next = new()
    {
        [OrderStatus.Created] = [OrderStatus.Paid, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Shipped, OrderStatus.Cancelled],
        [OrderStatus.Shipped] = [OrderStatus.Delivered],
        [OrderStatus.Delivered] = [OrderStatus.Refunded],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    };

    [Fact]
    public void Each_status_change_is_a_later_version_of_the_same_order_along_the_lifecycle()
    {
        var versions = fixture.Run.Orders.GroupBy(o => (o.ShopId, o.OrderId)).ToList();

        Assert.All(versions, group =>
        {
            var list = group.ToList();
            Assert.Equal(OrderStatus.Created, list[0].Status);
            Assert.Equal(list[0].CreatedAt, list[0].UpdatedAt);
            for (var i = 1; i < list.Count; i++)
            {
                Assert.Contains(list[i].Status, Next[list[i - 1].Status]);
                Assert.True(list[i].UpdatedAt > list[i - 1].UpdatedAt, $"{group.Key}: {list[i].Status} not later than {list[i - 1].Status}");
                // Only status and updatedAt change between versions.
                Assert.Equal(Canonical(list[0]), Canonical(list[i] with { Status = OrderStatus.Created, UpdatedAt = list[0].UpdatedAt }));
            }
        });
    }

    [Fact]
    public void Every_status_occurs_with_plausible_shares()
    {
        var final = fixture.Run.Orders.GroupBy(o => (o.ShopId, o.OrderId)).Select(g => g.Last().Status).ToList();
        double Share(OrderStatus s) => final.Count(f => f == s) / (double)final.Count;

        Assert.InRange(Share(OrderStatus.Delivered), 0.75, 0.97);
        Assert.InRange(Share(OrderStatus.Cancelled), 0.02, 0.10);
        Assert.InRange(Share(OrderStatus.Refunded), 0.01, 0.07);
        Assert.True(Share(OrderStatus.Paid) + Share(OrderStatus.Shipped) > 0, "the newest orders should still be under way");
    }

    private static string Canonical(Order order) => JsonSerializer.Serialize(order, WireJson.Options);
}
