using FoodFast.Analytics.Core.Queries;

namespace FoodFast.Analytics.UnitTests.Queries;

public sealed class BucketsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Days_are_local_days_across_the_autumn_dst_change()
    {
        var keys = Buckets.Enumerate(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 26, 23, 0, 0, TimeSpan.Zero), TimeBucket.Day, Berlin);

        Assert.Equal(["2026-10-25", "2026-10-26"], keys);
    }

    [Fact]
    public void Weeks_start_on_monday_and_quarters_in_january_april_july_october()
    {
        var sunday = new DateTime(2026, 11, 22);

        Assert.Equal(new DateTime(2026, 11, 16), Buckets.Truncate(sunday, TimeBucket.Week));
        Assert.Equal(new DateTime(2026, 10, 1), Buckets.Truncate(sunday, TimeBucket.Quarter));
    }

    [Fact]
    public void Hour_keys_carry_the_local_hour()
    {
        var keys = Buckets.Enumerate(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), TimeBucket.Hour, Berlin);

        Assert.Equal(["2026-11-21T09:00", "2026-11-21T10:00"], keys);
    }
}
