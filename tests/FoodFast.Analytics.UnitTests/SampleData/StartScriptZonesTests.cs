using System.Text.RegularExpressions;
using FoodFast.Analytics.SampleData.Generation;
using FoodFast.Analytics.UnitTests.Deployment;

namespace FoodFast.Analytics.UnitTests.SampleData;

/// <summary><c>scripts/start.sh</c> sets each sample shop's time zone: the one its orders are generated in.</summary>
public sealed class StartScriptZonesTests
{
    [Fact]
    public void Start_sh_gives_every_sample_shop_the_zone_the_generator_uses()
    {
        var script = RepoFile.Read("scripts/start.sh");

        var set = Regex.Matches(script, @"\b(shop-[a-z-]+)=([A-Za-z_]+/[A-Za-z_]+)").Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}").Order(StringComparer.Ordinal);

        Assert.Equal(Shops.All.Select(s => $"{s.ShopId}={s.TimeZoneId}").Order(StringComparer.Ordinal), set);
    }
}
