using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>Runs a <see cref="SearchPlan"/>: one search, or as many composite pages as there are groups (1,000 a page).</summary>
public sealed class AggregationSearch(CompositePager pager, IndexNames names)
{
    public async Task<(List<PartialRow> Rows, bool Approximate)> RunAsync(ValidatedQuery query, SearchPlan plan, CancellationToken cancellationToken)
    {
        var rows = new List<PartialRow>();
        var approximate = false;
        await foreach (var response in pager.PagesAsync(SearchTargets.Index(names, query.Dataset), "search_aggregate", AggregationCompiler.Groups, AggregationCompiler.Compile(query, plan), cancellationToken))
        {
            var page = AggregationReader.Read(query, plan, response);
            rows.AddRange(page.Rows);
            approximate |= page.Approximate;
        }
        return (rows, approximate);
    }
}
