namespace FoodFast.Analytics.Core.Erasure;

/// <summary>
/// Removes a customer from a shop's analytics data on request: their events are deleted, their orders and
/// order lines keep every amount but lose the identity (a pseudonym replaces the customer id, the location
/// is dropped), so totals and customer counts do not change.
/// </summary>
public interface ICustomerErasure
{
    Task<ErasureCounts> EraseAsync(string shopId, string customerId, CancellationToken cancellationToken);
}

/// <param name="Pseudonym">What replaced the customer id; random, so it cannot be traced back.</param>
public sealed record ErasureCounts(long EventsDeleted, long OrdersPseudonymised, long LinesPseudonymised, string Pseudonym);
