using System.Text;
using System.Text.Json;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>Runs a <see cref="SearchPlan"/>: one search, or as many composite pages as there are groups (1,000 a page).</summary>
public sealed class AggregationSearch(ClusterClient client, IndexNames names)
{
    public async Task<(List<PartialRow> Rows, bool Approximate)> RunAsync(ValidatedQuery query, SearchPlan plan, CancellationToken cancellationToken)
    {
        var path = SearchTargets.SearchPath(SearchTargets.Index(names, query.Dataset));
        var rows = new List<PartialRow>();
        var approximate = false;
        System.Text.Json.Nodes.JsonNode? after = null;
        do
        {
            var body = AggregationCompiler.Compile(query, plan, after);
            var response = await client.SendAsync(EsRequest.Json(HttpMethod.Post, path, "search_aggregate", Encoding.UTF8.GetBytes(body.ToJsonString())), cancellationToken);
            using var document = JsonDocument.Parse(response.Body);
            var page = AggregationReader.Read(query, plan, document.RootElement);
            rows.AddRange(page.Rows);
            approximate |= page.Approximate;
            after = page.After;
        }
        while (after is not null);
        return (rows, approximate);
    }
}
