using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>Validated queries over the contract suite's range: 2026-10-24 to 2026-10-26, local days in Europe/Berlin.</summary>
public static class Queries
{
    public static readonly DateTimeOffset From = new(2026, 10, 23, 22, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2026, 10, 26, 23, 0, 0, TimeSpan.Zero);

    public static AnalyticsQuery Of(string dataset, params string[] metrics) =>
        new() { Dataset = dataset, Metrics = metrics, From = From, To = To, TimeZone = "Europe/Berlin", ShopId = "shop-a" };

    public static readonly DimensionFilter Euro = new("currency", ["EUR"]);

    public static ValidatedQuery Validated(AnalyticsQuery query)
    {
        var problems = new List<FieldProblem>();
        var validated = QueryValidator.Validate(query, problems);
        Assert.True(validated is not null, string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")));
        return validated!;
    }
}
