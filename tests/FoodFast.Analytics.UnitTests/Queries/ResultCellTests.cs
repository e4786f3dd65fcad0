using System.Text.Json;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.UnitTests.Queries;

public sealed class ResultCellTests
{
    private static readonly ResultCell[] Row = ["2026-10-24", "Crème brûlée", 12.50m, 3m, -0.4428m, 0.10m, 79228162514264337593543950335m, ResultCell.Empty];

    [Fact]
    public void Cells_are_written_as_the_plain_values_were_strings_numbers_with_their_scale_and_null()
    {
        object?[] plain = ["2026-10-24", "Crème brûlée", 12.50m, 3m, -0.4428m, 0.10m, 79228162514264337593543950335m, null];

        var json = JsonSerializer.Serialize(Row, WireJson.Options);

        Assert.Equal(JsonSerializer.Serialize(plain, WireJson.Options), json);
        Assert.Equal("""["2026-10-24","Cr\u00E8me br\u00FBl\u00E9e",12.50,3,-0.4428,0.10,79228162514264337593543950335,null]""", json);
    }

    [Fact]
    public void Cells_read_back_as_the_same_kinds_and_exact_values()
    {
        var read = JsonSerializer.Deserialize<ResultCell[]>(JsonSerializer.Serialize(Row, WireJson.Options), WireJson.Options)!;

        Assert.Equal(Row, read);
        Assert.Equal(Row.Select(c => (c.Text, c.Number, c.ToString())), read.Select(c => (c.Text, c.Number, c.ToString())));
        Assert.Equal("12.50", read[2].ToString());
        Assert.True(read[7].IsEmpty);
        Assert.Null(read[7].Value);
        Assert.IsType<decimal>(read[2].Value);
        Assert.IsType<string>(read[0].Value);
    }

    [Theory]
    [InlineData("[true]")]
    [InlineData("[{}]")]
    [InlineData("[[1]]")]
    public void Anything_but_text_a_number_or_null_is_no_cell(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ResultCell[]>(json, WireJson.Options));
    }
}
