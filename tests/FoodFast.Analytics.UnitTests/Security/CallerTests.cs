using FoodFast.Analytics.Api.Security;

namespace FoodFast.Analytics.UnitTests.Security;

public sealed class CallerTests
{
    private static readonly Caller ShopAnalyst = new("key:a", Guid.NewGuid(), new HashSet<Role> { Role.Analyst }, "shop-a");
    private static readonly Caller Admin = new("key:b", Guid.NewGuid(), new HashSet<Role> { Role.Admin }, null);

    [Theory]
    [InlineData(null, "shop-a")]
    [InlineData("", "shop-a")]
    [InlineData("  ", "shop-a")]
    [InlineData("shop-a", "shop-a")]
    public void Shop_bound_caller_gets_its_own_shop(string? requested, string expected) =>
        Assert.Equal(expected, ShopAnalyst.ResolveShop(requested));

    [Fact]
    public void Shop_bound_caller_asking_for_another_shop_is_denied_naming_shopId()
    {
        var denied = Assert.Throws<ShopAccessDeniedException>(() => ShopAnalyst.ResolveShop("shop-b"));

        Assert.Equal("shopId 'shop-b' is outside this credential's shop 'shop-a'.", denied.Message);
        Assert.Equal("shop-b", denied.RequestedShopId);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("shop-b", "shop-b")]
    public void All_shops_caller_gets_the_requested_shop_or_all(string? requested, string? expected) =>
        Assert.Equal(expected, Admin.ResolveShop(requested));

    [Theory]
    [InlineData(Role.Analyst, true)]
    [InlineData(Role.Ingest, false)]
    [InlineData(Role.Admin, false)]
    public void Roles_are_checked_and_admin_passes_every_check(Role role, bool analystHas)
    {
        Assert.Equal(analystHas, ShopAnalyst.Has(role));
        Assert.True(Admin.Has(role));
    }

    [Fact]
    public void Caller_survives_the_round_trip_through_claims()
    {
        var caller = new Caller("key:x", Guid.NewGuid(), new HashSet<Role> { Role.Ingest, Role.Analyst }, "shop-z");

        var back = caller.ToPrincipal("test").ToCaller()!;

        Assert.Equal(caller.Id, back.Id);
        Assert.Equal(caller.KeyId, back.KeyId);
        Assert.Equal(caller.ShopId, back.ShopId);
        Assert.Equal([Role.Ingest, Role.Analyst], back.Roles.Order().ToArray());
    }
}
