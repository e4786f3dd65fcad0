using System.Text;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class ErrorBodyTests
{
    [Fact]
    public void An_error_object_gives_type_and_reason()
    {
        var body = """
            {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [x]","index":"x","resource.type":"index_or_alias","resource.id":"x","index_uuid":"_na_"}],
              "type":"index_not_found_exception","reason":"no such index [x]"},"status":404}
            """;

        var (type, reason) = ErrorBody.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal("index_not_found_exception", type);
        Assert.Equal("no such index [x]", reason);
    }

    [Fact]
    public void A_plain_string_error_is_the_reason()
    {
        var (type, reason) = ErrorBody.Read("""{"error":"Incorrect HTTP method for uri [/_bulk] and method [GET], allowed: [POST, PUT]","status":405}"""u8);

        Assert.Null(type);
        Assert.Equal("Incorrect HTTP method for uri [/_bulk] and method [GET], allowed: [POST, PUT]", reason);
    }

    [Fact]
    public void A_429_body_gives_the_rejection()
    {
        var body = """{"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation [shard_detail=[ff-orders-2026.11][0][C]] queue capacity = 10000"}],"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation [shard_detail=[ff-orders-2026.11][0][C]] queue capacity = 10000"},"status":429}"""u8;

        var (type, reason) = ErrorBody.Read(body);

        Assert.Equal("es_rejected_execution_exception", type);
        Assert.Equal("rejected execution of coordinating operation [shard_detail=[ff-orders-2026.11][0][C]] queue capacity = 10000", reason);
    }

    [Fact]
    public void A_body_that_is_not_json_becomes_a_trimmed_excerpt()
    {
        var (type, reason) = ErrorBody.Read(Encoding.UTF8.GetBytes("  <html>502 Bad Gateway</html>\n" + new string('x', 600)));

        Assert.Null(type);
        Assert.StartsWith("<html>502 Bad Gateway</html>", reason, StringComparison.Ordinal);
        Assert.Equal(503, reason!.Length);
    }

    [Fact]
    public void An_empty_body_has_no_type_or_reason()
    {
        Assert.Equal((null, null), ErrorBody.Read([]));
    }

    [Fact]
    public void The_exception_message_names_operation_status_type_and_reason()
    {
        var response = new EsResponse(404, """{"error":{"type":"index_not_found_exception","reason":"no such index [x]"},"status":404}"""u8.ToArray());

        var ex = ElasticsearchException.From("search", response);

        Assert.Equal("Elasticsearch search failed: HTTP 404 index_not_found_exception: no such index [x]", ex.Message);
        Assert.Equal(404, ex.StatusCode);
        Assert.False(ex.IsTransient);
    }
}
