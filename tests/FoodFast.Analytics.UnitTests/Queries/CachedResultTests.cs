using System.Text;
using System.Text.Json;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.UnitTests.Queries;

public sealed class CachedResultTests
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 21, 12, 30, 15, 250, TimeSpan.Zero);

    private static readonly QueryResult Computed = new([new ResultColumn("revenue", "money")], [[12.50m]],
        new ResultMeta("postgres", 812.4, false, false, ComputedAt, ComputedAt.AddHours(1), Datasets.Orders, "UTC", ComputedAt.AddDays(-30), ComputedAt));

    [Fact]
    public void An_entry_is_read_back_as_the_json_a_hit_sends_with_the_time_it_was_computed()
    {
        var hit = CachedResult.Read(CachedResult.Encode(Computed))!;

        Assert.True(hit.Cached);
        Assert.Equal(ComputedAt, hit.ComputedAt);
        var expected = JsonSerializer.Serialize(Computed with { Meta = Computed.Meta with { Cached = true } }, WireJson.Options);
        Assert.Equal(expected, Encoding.UTF8.GetString(hit.Json.Span));
        Assert.Contains("\"cached\":true", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parsed_entry_keeps_the_stores_figures_and_says_it_came_from_the_cache()
    {
        var parsed = CachedResult.Parse(CachedResult.Read(CachedResult.Encode(Computed))!);

        Assert.True(parsed.Meta.Cached);
        Assert.Equal(812.4, parsed.Meta.TookMs);
        Assert.Equal(Computed.Rows[0], parsed.Rows[0]);
        Assert.Equal((null, 12.50m), (parsed.Rows[0][0].Text, parsed.Rows[0][0].Number));
        Assert.Equal("12.50", parsed.Rows[0][0].ToString());
    }

    [Fact]
    public void An_entry_says_until_when_it_is_fresh_without_its_json_being_read()
    {
        Assert.Equal(ComputedAt.AddHours(1), CachedResult.FreshUntil(CachedResult.Encode(Computed)));
    }

    [Fact]
    public void An_entry_too_short_to_hold_a_result_is_no_hit()
    {
        Assert.Null(CachedResult.Read(new byte[16]));
        Assert.Null(CachedResult.FreshUntil(new byte[16]));
    }
}
