using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// The one loop over a <c>composite</c> aggregation: sends the search, hands each answer to the caller, and asks again
/// with the page's <c>after_key</c> sent back unchanged until a page has no buckets or no <c>after_key</c>. A search
/// without the composite (no groups) or without aggregations (no index yet) is a single page. Partial answers (timed
/// out, failed shards) are errors: an aggregate must be complete.
/// </summary>
public sealed class CompositePager(ClusterClient client)
{
    /// <summary>
    /// Each typed answer (aggregations read through <c>typed_keys</c>). The request is the first page's; it is sent to
    /// <paramref name="index"/> (a missing alias answers an empty result) and its composite's <c>after</c> is set from
    /// each page's <c>after_key</c>.
    /// </summary>
    public async IAsyncEnumerable<SearchResponse<JsonElement>> PagesAsync(string index, string operation, string composite, SearchRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        request.Indices = index;
        request.IgnoreUnavailable = true;
        request.AllowNoIndices = true;
        while (true)
        {
            var response = await client.CallAsync(operation, (es, ct) => es.SearchAsync<JsonElement>(request, ct), cancellationToken);
            AggregationReader.ThrowOnPartialResults(response, operation);
            yield return response;
            if (response.Aggregations?.TryGetAggregate<CompositeAggregate>(composite, out var page) != true
                || page!.Buckets.Count == 0 || page.AfterKey is not { } after)
            {
                yield break;
            }
            WithAfter(request, composite, after);
        }
    }

    /// <summary>Sets the composite's <c>after</c> to a page's <c>after_key</c>, sent back unchanged.</summary>
    public static SearchRequest WithAfter(SearchRequest request, string composite, IReadOnlyDictionary<string, FieldValue> after)
    {
        request.Aggregations![composite].Composite!.After = after.ToDictionary(k => (Field)k.Key, k => k.Value);
        return request;
    }

    /// <summary>The JSON loop, for the searches not yet moved to typed requests.</summary>
    /// <summary>Each answer's root element, valid until the next page is requested.</summary>
    public async IAsyncEnumerable<JsonElement> PagesAsync(string index, string operation, string composite, JsonObject body,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = body.DeepClone().AsObject();
        while (true)
        {
            var response = await client.SendAsync(EsRequest.Json(HttpMethod.Post, SearchTargets.SearchPath(index), operation, Encoding.UTF8.GetBytes(request.ToJsonString())), cancellationToken);
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            AggregationReader.ThrowOnPartialResults(root, operation);
            yield return root;
            if (!root.TryGetProperty("aggregations", out var aggs) || !aggs.TryGetProperty(composite, out var page)
                || page.GetProperty("buckets").GetArrayLength() == 0 || !page.TryGetProperty("after_key", out var after))
            {
                yield break;
            }
            request = WithAfter(request, composite, JsonNode.Parse(after.GetRawText())!);
        }
    }

    /// <summary>The same search asking for the page after <paramref name="after"/>.</summary>
    public static JsonObject WithAfter(JsonObject body, string composite, JsonNode after)
    {
        var next = body.DeepClone().AsObject();
        next["aggs"]![composite]!["composite"]!["after"] = after.DeepClone();
        return next;
    }
}
