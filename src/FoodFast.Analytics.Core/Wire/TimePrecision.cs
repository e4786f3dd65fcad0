namespace FoodFast.Analytics.Core.Wire;

public static class TimePrecision
{
    /// <summary>The time cut to whole microseconds, what Postgres keeps: an answer given at write time then equals a later read.</summary>
    public static DateTimeOffset ToMicroseconds(this DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));
}
