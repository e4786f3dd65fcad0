using System.Globalization;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers.Csv;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>
/// The writers format values as UTF-8 in place; these pin that text to what <c>ToString</c> with the documented
/// invariant formats gives, so CSV, JSON and XLSX files stay byte for byte what they were.
/// </summary>
public sealed class InvariantTextTests
{
    [Fact]
    public void Instants_are_iso_utc_with_only_the_fraction_digits_that_are_not_zero()
    {
        var random = new Random(20261121);
        var start = new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var end = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = random.NextInt64(start, end);
            // Whole seconds, whole milliseconds and arbitrary ticks: every way the fraction can end.
            ticks -= i % 3 == 0 ? ticks % TimeSpan.TicksPerSecond : i % 3 == 1 ? ticks % TimeSpan.TicksPerMillisecond : 0;
            var utc = new DateTime(ticks, DateTimeKind.Utc);
            var expected = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

            Assert.Equal(expected, CsvReportWriter.Field(ColumnType.DateTime, utc));
            Assert.Equal(expected, CsvReportWriter.Field(ColumnType.DateTime, new DateTimeOffset(utc).ToOffset(TimeSpan.FromHours(-5))));
        }
        Assert.Equal("2026-11-03T09:15:30Z", CsvReportWriter.Field(ColumnType.DateTime, new DateTime(2026, 11, 3, 9, 15, 30, DateTimeKind.Unspecified)));
        Assert.Equal("2026-11-03T09:15:30.0000001Z", CsvReportWriter.Field(ColumnType.DateTime, new DateTime(2026, 11, 3, 9, 15, 30, DateTimeKind.Utc).AddTicks(1)));
    }

    [Theory]
    [InlineData(ColumnType.Decimal, "13.50")]
    [InlineData(ColumnType.Money, "-79228162514264337593543950335")]
    [InlineData(ColumnType.Percent, "0.0000000000000000000000000001")]
    public void Decimals_keep_their_scale_and_every_digit(ColumnType type, string text)
    {
        Assert.Equal(text, CsvReportWriter.Field(type, decimal.Parse(text, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Doubles_round_trip_and_integers_of_any_width_are_plain_digits()
    {
        Assert.Equal("0.1", CsvReportWriter.Field(ColumnType.Decimal, 0.1));
        Assert.Equal("-1.7976931348623157E+308", CsvReportWriter.Field(ColumnType.Decimal, double.MinValue));
        Assert.Equal("0.10000000149011612", CsvReportWriter.Field(ColumnType.Decimal, 0.1f));
        Assert.Equal("-9223372036854775808", CsvReportWriter.Field(ColumnType.Integer, long.MinValue));
        Assert.Equal("255", CsvReportWriter.Field(ColumnType.Integer, (byte)255));
        Assert.Equal("42", CsvReportWriter.Field(ColumnType.Integer, 42));
    }

    [Fact]
    public void Dates_are_the_calendar_day_whatever_they_came_as()
    {
        Assert.Equal("0001-01-01", CsvReportWriter.Field(ColumnType.Date, DateOnly.MinValue));
        Assert.Equal("2026-11-03", CsvReportWriter.Field(ColumnType.Date, new DateTime(2026, 11, 3, 23, 59, 0)));
        Assert.Equal("2026-11-03", CsvReportWriter.Field(ColumnType.Date, new DateTimeOffset(2026, 11, 3, 23, 59, 0, TimeSpan.FromHours(9))));
        Assert.Equal("Käse, 7", CsvReportWriter.Field(ColumnType.Text, "Käse, 7"));
        Assert.Null(CsvReportWriter.Field(ColumnType.Integer, null));
    }
}
