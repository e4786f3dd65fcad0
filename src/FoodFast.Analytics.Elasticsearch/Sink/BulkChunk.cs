using Elastic.Clients.Elasticsearch.Core.Bulk;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>The actions of one batch item (an order with its lines and surplus-line deletes, or one event), kept together.</summary>
/// <param name="Position">The item's position in the batch.</param>
/// <param name="Bytes">An estimate of the item's share of the request body.</param>
public sealed record ItemActions(int Position, IReadOnlyList<BulkOperation> Operations, int Bytes);

/// <summary>One <c>_bulk</c> request: whole items, in batch order.</summary>
public sealed record BulkChunk(IReadOnlyList<ItemActions> Items)
{
    public int Bytes => Items.Sum(i => i.Bytes);

    public IEnumerable<BulkOperation> Operations => Items.SelectMany(i => i.Operations);

    /// <summary>For each action in request order, the batch position of the item it belongs to.</summary>
    public IReadOnlyList<int> ActionOwners => Items.SelectMany(i => i.Operations.Select(_ => i.Position)).ToList();
}
