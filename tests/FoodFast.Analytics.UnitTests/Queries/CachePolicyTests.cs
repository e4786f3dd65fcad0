using FoodFast.Analytics.Core.Caching;

namespace FoodFast.Analytics.UnitTests.Queries;

public sealed class CachePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly CacheOptions _options = new() { SettleWindowMinutes = 60, SettledTtlSeconds = 3600, LiveTtlSeconds = 10 };

    [Fact]
    public void A_range_ending_before_the_settle_window_is_kept_long()
    {
        Assert.Equal(TimeSpan.FromHours(1), _options.TimeToLive(Now.AddMinutes(-60), Now));
    }

    [Fact]
    public void A_range_touching_the_last_hour_or_the_future_lives_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), _options.TimeToLive(Now.AddMinutes(-59), Now));
        Assert.Equal(TimeSpan.FromSeconds(10), _options.TimeToLive(Now.AddDays(1), Now));
    }
}
