using FoodFast.Analytics.Api.Observability;

namespace FoodFast.Analytics.UnitTests.Observability;

public sealed class RequestIdTests
{
    [Theory]
    [InlineData("abc-123")]
    [InlineData("0af7651916cd43dd8448eb211c80319c")]
    [InlineData("trace:span.1_2")]
    public void A_safe_id_is_kept(string presented) => Assert.Equal(presented, RequestId.Choose(presented));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\nbreak")]
    [InlineData("quote\"")]
    [InlineData("ünïcode")]
    public void An_unsafe_or_missing_id_is_replaced_by_a_new_one(string? presented)
    {
        var chosen = RequestId.Choose(presented);

        Assert.NotEqual(presented, chosen);
        Assert.Matches("^[0-9a-f]{32}$", chosen);
    }

    [Fact]
    public void An_id_longer_than_64_characters_is_replaced()
    {
        Assert.Equal(new string('a', 64), RequestId.Choose(new string('a', 64)));
        Assert.Matches("^[0-9a-f]{32}$", RequestId.Choose(new string('a', 65)));
    }
}
