using System.Text.Json;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.UnitTests.Ingestion;

public sealed class OrderReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly ValidationRules Rules = new(Now, TimeSpan.FromMinutes(5), Now.AddYears(-1));

    private const string Valid = """
        {"shopId":"shop-a","orderId":"o-1","customerId":"c-1","status":"paid","createdAt":"2026-11-21T10:00:00+01:00",
         "currency":"EUR","channel":"ios","paymentMethod":"cash_on_delivery","country":"DE","city":"München",
         "location":{"lat":48.137,"lon":11.575},"subtotal":12.45,"discount":2.00,"tax":1.99,"shipping":3.50,"total":15.94,
         "items":[{"productId":"p-1","productName":"Brezel","category":"bakery","quantity":3,"unitPrice":0.95,"lineTotal":2.85},
                  {"productId":"p-2","productName":"Weißwurst","category":"meat_fish","brand":"Metzgerei","quantity":2,"unitPrice":4.80,"unitCost":3.10,"lineTotal":9.60}]}
        """;

    private static (Order? Order, List<FieldProblem> Problems) Read(string json)
    {
        var problems = new List<FieldProblem>();
        return (OrderReader.Read(JsonDocument.Parse(json).RootElement, Rules, problems), problems);
    }

    /// <summary>A valid order of <paramref name="count"/> one-cent lines.</summary>
    private static string WithLines(int count)
    {
        var lines = string.Join(",", Enumerable.Range(0, count).Select(i =>
            $"{{\"productId\":\"p-{i}\",\"productName\":\"Roll\",\"category\":\"bakery\",\"quantity\":1,\"unitPrice\":0.01,\"lineTotal\":0.01}}"));
        var subtotal = (count * 0.01m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var total = (count * 0.01m - 2.00m + 1.99m + 3.50m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = System.Text.RegularExpressions.Regex.Replace(Valid, "\"items\":\\[.*\\]", $"\"items\":[{lines}]", System.Text.RegularExpressions.RegexOptions.Singleline);
        return With("subtotal", subtotal, With("total", total, json));
    }

    private static string With(string field, string value, string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, $"\"{field}\":[^,}}]+", $"\"{field}\":{value}");

    private static string With(string field, string value) => With(field, value, Valid);

    [Fact]
    public void A_valid_order_is_read_with_utc_times_snake_case_enums_and_defaults()
    {
        var (order, problems) = Read(Valid);

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), order!.CreatedAt);
        Assert.Equal(order.CreatedAt, order.UpdatedAt);
        Assert.Equal(PaymentMethod.CashOnDelivery, order.PaymentMethod);
        Assert.Equal(SalesChannel.Ios, order.Channel);
        Assert.Equal(new GeoPoint(48.137, 11.575), order.Location);
        Assert.Equal(3.10m, order.Items[1].UnitCost);
        Assert.Null(order.Items[0].UnitCost);
    }

    [Fact]
    public void A_total_that_does_not_add_up_names_the_field_and_shows_the_sum()
    {
        var (order, problems) = Read(With("total", "16.94"));

        Assert.Null(order);
        var problem = Assert.Single(problems);
        Assert.Equal(new FieldProblem("total", "must equal subtotal - discount + tax + shipping (12.45 - 2.00 + 1.99 + 3.50 = 15.94), got 16.94"), problem);
    }

    [Fact]
    public void A_total_within_a_cent_is_accepted()
    {
        Assert.Empty(Read(With("total", "15.95")).Problems);
    }

    [Fact]
    public void A_subtotal_that_is_not_the_sum_of_the_lines_is_rejected()
    {
        var (_, problems) = Read(With("subtotal", "13.45").Replace("\"total\":15.94", "\"total\":16.94", StringComparison.Ordinal));

        Assert.Equal([new FieldProblem("subtotal", "must equal the sum of the lines' lineTotal (12.45), got 13.45")], problems);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_path()
    {
        var json = Valid.Replace("\"currency\":\"EUR\"", "\"currency\":\"euro\"", StringComparison.Ordinal)
            .Replace("\"quantity\":3", "\"quantity\":\"3\"", StringComparison.Ordinal)
            .Replace("\"status\":\"paid\"", "\"status\":\"lost\"", StringComparison.Ordinal);

        var fields = Read(json).Problems.Select(p => p.Field).ToList();

        Assert.Equal(["status", "currency", "items[0].quantity"], fields);
    }

    [Theory]
    [InlineData("\"2026-11-21T12:06:00Z\"", "is in the future (2026-11-21T12:06:00Z; the latest accepted is 2026-11-21T12:05:00Z)")]
    [InlineData("\"2024-01-01T00:00:00Z\"", "is before the accepted horizon 2025-11-21T12:00:00Z")]
    [InlineData("\"yesterday\"", "must be an ISO-8601 instant such as 2026-11-21T09:30:00Z (or a date such as 2026-11-21), got 'yesterday'")]
    [InlineData("\"11/10/2026\"", "must be an ISO-8601 instant such as 2026-11-21T09:30:00Z (or a date such as 2026-11-21), got '11/10/2026'")]
    public void Timestamps_outside_the_window_or_unreadable_are_rejected(string createdAt, string message)
    {
        var problems = Read(With("createdAt", createdAt)).Problems;

        Assert.Contains(new FieldProblem("createdAt", message), problems);
    }

    [Fact]
    public void Amounts_with_more_than_two_decimals_are_rejected()
    {
        var problems = Read(With("shipping", "3.505")).Problems;

        Assert.Contains(new FieldProblem("shipping", "must have at most 2 decimal places, got 3.505"), problems);
    }

    [Theory]
    [InlineData("\"3.50\"")]
    [InlineData("\"3.5\"")]
    [InlineData("3.5")]
    public void Money_is_a_json_number_or_a_decimal_string_read_exactly(string shipping)
    {
        var (order, problems) = Read(With("shipping", shipping).Replace("\"subtotal\":12.45", "\"subtotal\":\"12.45\"", StringComparison.Ordinal));

        Assert.Empty(problems);
        Assert.Equal(3.50m, order!.Shipping);
        Assert.Equal(12.45m, order.Subtotal);
    }

    [Theory]
    [InlineData("\"12,50\"")]
    [InlineData("\"1e3\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\" 1.00\"")]
    [InlineData("true")]
    public void Money_in_any_other_form_is_rejected_naming_the_field(string shipping)
    {
        var problems = Read(With("shipping", shipping)).Problems;

        var problem = Assert.Single(problems, p => p.Field == "shipping");
        Assert.StartsWith("must be an amount as a JSON number or a decimal string", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_of_5000_lines_is_accepted_and_5001_names_the_limit_and_its_setting()
    {
        Assert.Empty(Read(WithLines(5_000)).Problems);

        var problems = Read(WithLines(5_001)).Problems;

        Assert.Equal([new FieldProblem("items", "must have at most 5000 lines (the limit Ingestion:MaxLinesPerOrder), got 5001")], problems);
    }
}
