using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using FoodFast.Analytics.Elasticsearch.Indices;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// The customers whose first order of the shop falls in <c>[From, To)</c>, with that first instant. Two composite passes
/// over orders: customers with an order in the range and their earliest one there, then (1,000 customers a request)
/// which of them also ordered before <c>From</c>: those are not new. Cost: one request per 1,000 customers active in
/// the range, plus one per 1,000 of them for the earlier check; nothing outside the range is scanned per customer.
/// </summary>
public sealed class NewCustomers(CompositePager pager, IndexNames names)
{
    private const int Chunk = 1000;
    private const string Customers = "customers";

    public async Task<Dictionary<string, DateTimeOffset>> FindAsync(string? shopId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var firsts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var (customer, first) in PageAsync(Request(shopId, SearchFilters.Range("created_at", from, to), null, withMin: true), cancellationToken))
        {
            firsts[customer] = first!.Value;
        }
        foreach (var chunk in firsts.Keys.ToList().Chunk(Chunk))
        {
            await foreach (var (customer, _) in PageAsync(Request(shopId, SearchFilters.Range("created_at", null, from), chunk, withMin: false), cancellationToken))
            {
                firsts.Remove(customer);
            }
        }
        return firsts;
    }

    /// <summary>A composite over customer_id of the shop's orders matching <paramref name="time"/>, optionally with each customer's earliest created_at.</summary>
    public static SearchRequest Request(string? shopId, Es.Query time, IReadOnlyList<string>? customers, bool withMin)
    {
        var filter = SearchFilters.Scope(shopId);
        filter.Add(time);
        filter.Add(customers is null ? new Es.ExistsQuery("customer_id") : SearchFilters.AnyOf("customer_id", customers));
        return new SearchRequest
        {
            Size = 0,
            Query = new Es.BoolQuery { Filter = filter },
            Aggregations = new Dictionary<string, Aggregation>
            {
                [Customers] = new Aggregation
                {
                    Composite = CompositePager.Over(Chunk, ("customer", "customer_id")),
                    Aggregations = withMin ? new Dictionary<string, Aggregation> { ["first"] = new MinAggregation { Field = "created_at" } } : null,
                },
            },
        };
    }

    private async IAsyncEnumerable<(string Customer, DateTimeOffset? First)> PageAsync(SearchRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var response in pager.PagesAsync(names.Orders.ReadAlias, "search_first_orders", Customers, request, cancellationToken))
        {
            foreach (var customer in Read(response))
            {
                yield return customer;
            }
        }
    }

    public static List<(string Customer, DateTimeOffset? First)> Read(SearchResponse<JsonElement> response)
    {
        var list = new List<(string, DateTimeOffset?)>();
        foreach (var bucket in CompositePager.Buckets(response, Customers))
        {
            DateTimeOffset? first = bucket.Aggregations?.GetMin("first")?.Value is { } min ? DateTimeOffset.FromUnixTimeMilliseconds((long)min) : null;
            list.Add(((string)bucket.Key["customer"].Value!, first));
        }
        return list;
    }
}
