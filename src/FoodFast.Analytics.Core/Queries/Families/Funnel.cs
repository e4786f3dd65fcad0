using FoodFast.Analytics.Core.Events;

namespace FoodFast.Analytics.Core.Queries.Families;

/// <summary>
/// A conversion funnel: how many sessions (or users) did step 1, then step 2 at or after it, and so on,
/// each step within <see cref="Window"/> of the first. Steps are event types, in order.
/// </summary>
public sealed record FunnelQuery(string? ShopId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ActivityType> Steps, FunnelUnit Unit, TimeSpan Window)
{
    public static readonly IReadOnlyList<ActivityType> DefaultSteps = [ActivityType.ProductView, ActivityType.AddToCart, ActivityType.CheckoutStart, ActivityType.Purchase];
}

public enum FunnelUnit
{
    Session,
    User,
}

/// <param name="Count">Sessions or users that reached this step.</param>
/// <param name="StepConversion">Count / the previous step's count (1 for the first step; null when the previous is 0).</param>
/// <param name="OverallConversion">Count / the first step's count.</param>
/// <param name="DropOff">The previous step's count minus this one's (0 for the first step).</param>
public sealed record FunnelStep(string Step, long Count, decimal? StepConversion, decimal? OverallConversion, long DropOff);

public sealed record FunnelResult(string Unit, IReadOnlyList<FunnelStep> Steps, ResultMeta Meta)
{
    /// <summary>Turns per-step counts into conversions and drop-offs; the same for every backend.</summary>
    public static IReadOnlyList<FunnelStep> Build(IReadOnlyList<ActivityType> steps, IReadOnlyList<long> counts) =>
        steps.Select((step, i) => new FunnelStep(
            Wire.WireNames.Of(step), counts[i],
            i == 0 ? 1m : Ratio(counts[i], counts[i - 1]),
            Ratio(counts[i], counts[0]),
            i == 0 ? 0 : counts[i - 1] - counts[i])).ToList();

    private static decimal? Ratio(long part, long whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
