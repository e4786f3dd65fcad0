namespace FoodFast.Analytics.Core.Retention;

/// <summary>
/// Order retention of a backend that keeps orders in whole time-bounded indices rather than rows (Elasticsearch's
/// monthly indices): it deletes indices, never single orders, and only indices holding nothing newer than the cutoff.
/// </summary>
public interface IOrderIndexRetention
{
    /// <summary>Deletes the indices whose orders were all last changed before <paramref name="cutoff"/>.</summary>
    /// <exception cref="IOException">The cluster refused or did not answer; indices deleted before that stay deleted.</exception>
    Task<OrderIndexDeletion> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <param name="OrdersPerShop">Orders deleted, per shop.</param>
/// <param name="Indices">The indices deleted, orders and their lines, oldest month first.</param>
public sealed record OrderIndexDeletion(IReadOnlyDictionary<string, long> OrdersPerShop, IReadOnlyList<string> Indices);
