namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// How busy a shop was a number of days ago, as a share of today: the marketplace has grown, so a year ago a
/// shop had under a third of today's orders, six months ago about 40 %. The curve falls smoothly (no step
/// between months) and keeps a long history cheap: 13 months weigh about as much as six of today's.
/// </summary>
public static class Growth
{
    private const double Floor = 0.25;
    private const double DecayDays = 120;

    public static double Factor(int daysAgo) => Floor + (1 - Floor) * Math.Exp(-Math.Max(0, daysAgo) / DecayDays);
}
