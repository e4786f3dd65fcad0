namespace FoodFast.Analytics.UnitTests.Promotions;

/// <summary>A clock that moves only when told, for cache periods.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public void Advance(TimeSpan by) => Now += by;

    public override DateTimeOffset GetUtcNow() => Now;
}
