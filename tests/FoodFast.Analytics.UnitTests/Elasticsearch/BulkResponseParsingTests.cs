using Elastic.Clients.Elasticsearch;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Sink;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class BulkResponseParsingTests
{
    // Item shapes as the bulk API documentation shows them (_index, _id, _version, result, _shards, status, _seq_no,
    // _primary_term on success; _index, _id, status and error with type, reason, index_uuid, shard, index on failure).
    private const string Mixed = """
        {"took":30,"errors":true,"items":[
         {"index":{"_index":"ff-orders-2026.11","_id":"shop1:o-1001","_version":1794475500000,"result":"created","_shards":{"total":2,"successful":1,"failed":0},"status":201,"_seq_no":0,"_primary_term":1}},
         {"index":{"_index":"ff-order-lines-2026.11","_id":"shop1:o-1001:1","_version":1794475500000,"result":"updated","_shards":{"total":2,"successful":1,"failed":0},"status":200,"_seq_no":3,"_primary_term":1}},
         {"create":{"_index":".ds-ff-events-2026.11.12-000001","_id":"shop1:5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[shop1:5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10]: version conflict, document already exists (current version [1])","index_uuid":"aAsFqTI0Tc2W0LCWgPNrOA","shard":"0","index":".ds-ff-events-2026.11.12-000001"}}},
         {"index":{"_index":"ff-orders-2026.11","_id":"shop1:o-1002","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[shop1:o-1002]: version conflict, current version [1794475500000] is higher than the one provided [1794475234567]","index_uuid":"aAsFqTI0Tc2W0LCWgPNrOA","shard":"0","index":"ff-orders-2026.11"}}},
         {"index":{"_index":"ff-orders-2026.11","_id":"shop1:o-1003","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}}},
         {"index":{"_index":"ff-orders-2026.11","_id":"shop1:o-1004","status":400,"error":{"type":"document_parsing_exception","reason":"[1:120] failed to parse field [total] of type [scaled_float] in document with id 'shop1:o-1004'. Preview of field's value: 'abc'","caused_by":{"type":"number_format_exception","reason":"For input string: \"abc\""}}}},
         {"create":{"_index":".ds-ff-events-2026.11.12-000001","_id":"shop1:00000000-0000-4000-8000-000000000002","status":503,"error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"}}},
         {"delete":{"_index":"ff-order-lines-2026.11","_id":"shop1:o-1001:3","_version":1794475500000,"result":"not_found","_shards":{"total":2,"successful":1,"failed":0},"status":404,"_seq_no":4,"_primary_term":1}}
        ]}
        """;

    private static IReadOnlyList<BulkItemStatus> Read(string body, int actions) =>
        BulkItemStatus.Read(InMemoryCluster.Answering(body).Bulk(new BulkRequest { Operations = [] }), actions);

    [Fact]
    public void Each_item_is_read_with_its_own_status_and_error()
    {
        var items = Read(Mixed, 8);

        Assert.Equal([201, 200, 409, 409, 429, 400, 503, 200], items.Select(i => i.Status)); // a delete that found nothing: the line is gone
        Assert.Null(items[0].ErrorType);
        Assert.Equal("es_rejected_execution_exception", items[4].ErrorType);
        Assert.Equal("document_parsing_exception", items[5].ErrorType);
        Assert.Equal("[1:120] failed to parse field [total] of type [scaled_float] in document with id 'shop1:o-1004'. Preview of field's value: 'abc' (caused by: For input string: \"abc\")", items[5].Reason);
    }

    [Fact]
    public void Statuses_map_to_landed_retry_and_rejected()
    {
        var outcomes = Read(Mixed, 8).Select(ItemOutcomes.Of).ToList();

        Assert.Equal(
            [SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Retry, SinkOutcomeKind.Rejected, SinkOutcomeKind.Retry, SinkOutcomeKind.Landed],
            outcomes.Select(o => o.Kind));
        Assert.Equal("HTTP 429 es_rejected_execution_exception: rejected execution of coordinating operation", outcomes[4].Reason);
        Assert.StartsWith("HTTP 400 document_parsing_exception: [1:120] failed to parse field [total]", outcomes[5].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_are_judged_by_their_status_even_when_the_errors_flag_says_false()
    {
        const string body = """{"took":1,"errors":false,"items":[{"index":{"_index":"ff-orders-2026.11","_id":"shop1:o-1","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution"}}}]}""";

        Assert.Equal(SinkOutcomeKind.Retry, ItemOutcomes.Of(Read(body, 1)[0]).Kind);
    }

    [Fact]
    public void An_item_count_that_differs_from_the_actions_sent_is_an_error()
    {
        var ex = Assert.Throws<ElasticsearchException>(() => Read(Mixed, 9));

        Assert.Equal("Elasticsearch bulk failed: HTTP 200: the bulk response has 8 items for 9 actions", ex.Message);
    }

    [Fact]
    public void A_response_without_items_is_an_error()
    {
        Assert.Throws<ElasticsearchException>(() => Read("""{"took":1,"errors":false,"items":[]}""", 2));
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
