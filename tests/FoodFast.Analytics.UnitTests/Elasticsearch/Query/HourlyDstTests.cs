using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using static FoodFast.Analytics.UnitTests.Elasticsearch.Query.Queries;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>
/// Defect 6 of issue 19: on 2026-10-25 Europe/Berlin has two 02:00 hours (00:00Z in summer time, 01:00Z in winter time).
/// Formatted as local text they were one composite key, so a page ending in the first repeated buckets. The hourly
/// composite now pages with epoch-millisecond keys and formats them only for output.
/// </summary>
public sealed class HourlyDstTests
{
    private const long FirstTwoOClock = 1792886400000;  // 2026-10-25T00:00Z = 02:00 CEST
    private const long SecondTwoOClock = 1792890000000; // 2026-10-25T01:00Z = 02:00 CET
    private const long ThreeOClock = 1792893600000;     // 2026-10-25T02:00Z = 03:00 CET

    private static string Answer(string groups) =>
        $$$"""{"took":4,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":3,"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{"composite#groups":{{{groups}}}}}""";

    [Fact]
    public async Task The_second_0200_hour_of_the_autumn_day_is_a_page_boundary_not_a_repeat()
    {
        using var node = ScriptedNode.Playing(
            new ScriptedResponse(200, Answer($$"""{"after_key":{"bucket":{{FirstTwoOClock}}},"buckets":[{"key":{"bucket":{{FirstTwoOClock}}},"doc_count":2}]}""")),
            new ScriptedResponse(200, Answer($$"""{"after_key":{"bucket":{{ThreeOClock}}},"buckets":[{"key":{"bucket":{{SecondTwoOClock}}},"doc_count":3},{"key":{"bucket":{{ThreeOClock}}},"doc_count":1}]}""")),
            new ScriptedResponse(200, Answer("""{"buckets":[]}""")));
        var query = Validated(Of(Datasets.Orders, "order_count") with
        {
            From = new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), Bucket = TimeBucket.Hour,
        });

        var table = await TestQueries.Aggregates(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff")).AggregateAsync(query, TestContext.Current.CancellationToken);

        var histogram = JsonNode.Parse(node.Requests[0].Body)!["aggregations"]!["groups"]!["composite"]!["sources"]![0]!["bucket"]!["date_histogram"]!;
        Assert.Null(histogram["format"]);
        Assert.Equal("Europe/Berlin", histogram["time_zone"]!.GetValue<string>());
        Assert.Equal($$"""{"bucket":{{FirstTwoOClock}}}""", JsonNode.Parse(node.Requests[1].Body)!["aggregations"]!["groups"]!["composite"]!["after"]!.ToJsonString());
        Assert.Equal(3, node.Requests.Count);
        // Both 02:00 hours carry Core's local key; the two buckets add up, each counted once.
        Assert.Equal(5m, table.Rows.Single(r => r.Bucket == "2026-10-25T02:00").Values[0]);
        Assert.Equal(1m, table.Rows.Single(r => r.Bucket == "2026-10-25T03:00").Values[0]);
    }
}
