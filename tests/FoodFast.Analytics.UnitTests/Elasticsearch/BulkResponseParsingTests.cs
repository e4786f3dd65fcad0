using System.Text;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Sink;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class BulkResponseParsingTests
{
    // Shapes from §2.4 of the wire-format notes, trimmed by filter_path=took,errors,items.*.status,items.*.error.
    private const string Mixed = """
        {"took":30,"errors":true,"items":[
         {"index":{"status":201}},
         {"index":{"status":200}},
         {"create":{"status":409,"error":{"type":"version_conflict_engine_exception","reason":"[5b6f]: version conflict, document already exists (current version [1])","index_uuid":"x","shard":"0","index":".ds-ff-events-2026.11.12-000001"}}},
         {"index":{"status":409,"error":{"type":"version_conflict_engine_exception","reason":"[shop1:o-1002]: version conflict, current version [1794475500000] is higher than the one provided [1794475234567]"}}},
         {"index":{"status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}}},
         {"index":{"status":400,"error":{"type":"mapper_parsing_exception","reason":"failed to parse field [total] of type [scaled_float] in document with id 'shop1:o-1003'","caused_by":{"type":"number_format_exception","reason":"For input string: \"abc\""}}}},
         {"create":{"status":503,"error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"}}},
         {"delete":{"status":404}}
        ]}
        """;

    [Fact]
    public void Each_item_is_read_with_its_own_status_and_error()
    {
        var items = BulkResponseReader.Read(Encoding.UTF8.GetBytes(Mixed), 8);

        Assert.Equal([201, 200, 409, 409, 429, 400, 503, 404], items.Select(i => i.Status));
        Assert.Null(items[0].ErrorType);
        Assert.Equal("es_rejected_execution_exception", items[4].ErrorType);
        Assert.Equal("mapper_parsing_exception", items[5].ErrorType);
        Assert.Equal("failed to parse field [total] of type [scaled_float] in document with id 'shop1:o-1003' (caused by: For input string: \"abc\")", items[5].Reason);
    }

    [Fact]
    public void Statuses_map_to_landed_retry_and_rejected()
    {
        var outcomes = BulkResponseReader.Read(Encoding.UTF8.GetBytes(Mixed), 8).Select(ItemOutcomes.Of).ToList();

        Assert.Equal(
            [SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Retry, SinkOutcomeKind.Rejected, SinkOutcomeKind.Retry, SinkOutcomeKind.Rejected],
            outcomes.Select(o => o.Kind));
        Assert.Equal("HTTP 429 es_rejected_execution_exception: rejected execution of coordinating operation", outcomes[4].Reason);
        Assert.StartsWith("HTTP 400 mapper_parsing_exception: failed to parse field [total]", outcomes[5].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_are_judged_by_their_status_even_when_the_errors_flag_says_false()
    {
        var body = """{"took":1,"errors":false,"items":[{"index":{"status":429}}]}"""u8.ToArray();

        Assert.Equal(SinkOutcomeKind.Retry, ItemOutcomes.Of(BulkResponseReader.Read(body, 1)[0]).Kind);
    }

    [Fact]
    public void An_item_count_that_differs_from_the_actions_sent_is_an_error()
    {
        var ex = Assert.Throws<ElasticsearchException>(() => BulkResponseReader.Read(Encoding.UTF8.GetBytes(Mixed), 9));

        Assert.Equal("Elasticsearch bulk failed: HTTP 200: the bulk response has 8 items for 9 actions", ex.Message);
    }

    [Fact]
    public void A_response_without_items_is_an_error()
    {
        Assert.Throws<ElasticsearchException>(() => BulkResponseReader.Read("""{"took":1,"errors":false}"""u8.ToArray(), 2));
    }

    [Fact]
    public void The_worst_outcome_of_an_orders_actions_wins()
    {
        var retry = SinkOutcome.Retry("429");
        var reject = SinkOutcome.Reject("400");

        Assert.Same(retry, ItemOutcomes.Worst(SinkOutcome.Landed, retry));
        Assert.Same(reject, ItemOutcomes.Worst(retry, reject));
        Assert.Same(reject, ItemOutcomes.Worst(reject, SinkOutcome.Landed));
    }
}
