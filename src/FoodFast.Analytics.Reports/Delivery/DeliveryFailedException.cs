namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>A send that did not arrive, said in words for the job's <c>lastError</c>; <paramref name="permanent"/>: retrying cannot help.</summary>
public sealed class DeliveryFailedException(string message, bool permanent = false, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
