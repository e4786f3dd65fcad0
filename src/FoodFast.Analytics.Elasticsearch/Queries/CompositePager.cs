using System.Runtime.CompilerServices;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.Elasticsearch.Queries;

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
        while (true)
        {
            var response = await SearchAsync(index, operation, request, cancellationToken);
            yield return response;
            if (response.Aggregations?.TryGetAggregate<CompositeAggregate>(composite, out var page) != true
                || page!.Buckets.Count == 0 || page.AfterKey is not { } after)
            {
                yield break;
            }
            WithAfter(request, composite, after);
        }
    }

    /// <summary>Every page read into one list by <paramref name="readPage"/>, for answers that need all the buckets at once.</summary>
    public async Task<IReadOnlyList<T>> CollectAsync<T>(string index, string operation, string composite, SearchRequest request,
        Action<SearchResponse<JsonElement>, List<T>> readPage, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (var response in PagesAsync(index, operation, composite, request, cancellationToken))
        {
            readPage(response, items);
        }
        return items;
    }

    /// <summary>
    /// One search of <paramref name="index"/> (a missing alias answers an empty result, not 404); partial answers (timed
    /// out, failed shards) are errors.
    /// </summary>
    public async Task<SearchResponse<JsonElement>> SearchAsync(string index, string operation, SearchRequest request, CancellationToken cancellationToken)
    {
        request.Indices = index;
        request.IgnoreUnavailable = true;
        request.AllowNoIndices = true;
        var response = await client.CallAsync(operation, (es, ct) => es.SearchAsync<JsonElement>(request, ct), cancellationToken);
        AggregationReader.ThrowOnPartialResults(response, operation);
        return response;
    }

    /// <summary>A composite over <c>terms</c> sources (name, field), <paramref name="size"/> buckets a page.</summary>
    public static CompositeAggregation Over(int size, params (string Name, string Field)[] sources) => new()
    {
        Size = size,
        Sources = sources.Select(s => new KeyValuePair<string, CompositeAggregationSource>(
            s.Name, new CompositeAggregationSource { Terms = new CompositeTermsAggregation { Field = s.Field } })).ToList(),
    };

    /// <summary>A page's buckets; none when no index matched (nothing written yet: no aggregations at all).</summary>
    public static IReadOnlyCollection<CompositeBucket> Buckets(SearchResponse<JsonElement> response, string composite) =>
        response.Aggregations?.TryGetAggregate<CompositeAggregate>(composite, out var page) == true ? page!.Buckets : [];

    /// <summary>Sets the composite's <c>after</c> to a page's <c>after_key</c>, sent back unchanged.</summary>
    public static SearchRequest WithAfter(SearchRequest request, string composite, IReadOnlyDictionary<string, FieldValue> after)
    {
        request.Aggregations![composite].Composite!.After = after.ToDictionary(k => (Field)k.Key, k => k.Value);
        return request;
    }
}
