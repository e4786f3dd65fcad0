using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.UnitTests.Queries;

/// <summary>Issue 21 (7): rows whose sort value ties come out in key order, whatever order the backend returned them in.</summary>
public sealed class ResultOrderTests
{
    [Fact]
    public void Ties_of_a_sort_are_ordered_by_the_group_keys()
    {
        var problems = new List<FieldProblem>();
        var query = QueryValidator.Validate(new AnalyticsQuery
        {
            Dataset = Datasets.OrderItems, Metrics = ["revenue"], GroupBy = ["product"], Sort = new QuerySort("revenue"),
            From = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero),
            Filters = [new DimensionFilter("currency", ["EUR"])],
        }, problems)!;
        Assert.Empty(problems);
        var backend = new[] { "p-c", "p-a", "p-d", "p-b" }.Select(p => new AggregateRow(null, [p], [p], [p == "p-d" ? 20m : 10m])).ToList();

        var (_, rows) = ResultBuilder.Build(query, new AggregateTable(backend, Approximate: false), previous: null);

        Assert.Equal(["p-d", "p-a", "p-b", "p-c"], rows.Select(r => r[0].Text));
    }

    [Fact]
    public void Hours_of_the_day_sort_as_numbers()
    {
        var problems = new List<FieldProblem>();
        var query = QueryValidator.Validate(new AnalyticsQuery
        {
            Metrics = ["order_count"], GroupBy = ["hour_of_day"], Sort = new QuerySort("hour_of_day", Descending: false),
            From = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero),
        }, problems)!;
        Assert.Empty(problems);
        var backend = new[] { "10", "2", "0", "23", "9" }.Select(h => new AggregateRow(null, [h], [h], [1m])).ToList();

        var (_, rows) = ResultBuilder.Build(query, new AggregateTable(backend, Approximate: false), previous: null);

        Assert.Equal(["0", "2", "9", "10", "23"], rows.Select(r => r[0].Text));
    }
}
